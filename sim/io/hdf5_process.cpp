#include "bordersim/io/hdf5_process.h"

#include <hdf5.h>

namespace bordersim {

void keep_hdf5_out_of_exit() { H5dont_atexit(); }

}  // namespace bordersim
