#include <iostream>

#include "bordersim/cli/cli.h"
#include "bordersim/io/hdf5_process.h"

int main(int argc, char** argv) {
  bordersim::keep_hdf5_out_of_exit();
  return bordersim::run_cli(argc, argv, std::cout, std::cerr);
}
