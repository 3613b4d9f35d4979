#include <iostream>

#include "bordersim/cli/cli.h"

int main(int argc, char** argv) { return bordersim::run_cli(argc, argv, std::cout, std::cerr); }
