// pactum's command line: parses the verb and hands over to cli/<verb>.cc.
#include <cstdio>

int main() {
  std::puts("pactum");
  return 0;
}
