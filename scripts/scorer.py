"""The scorer (../shared/tools/score-extraction) as a module, so that the error
listings (align_events.py, sector_errors.py, people_errors.py) load gold and
predictions and pair events exactly as it scores them."""
import importlib.machinery
import importlib.util
import os


def load_scorer():
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(here, "..", "..", "shared", "tools", "score-extraction")
    loader = importlib.machinery.SourceFileLoader("score_extraction", path)
    spec = importlib.util.spec_from_loader("score_extraction", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module
