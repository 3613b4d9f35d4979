#pragma once
// Process-wide HDF5 setting for the bordersim executable.

namespace bordersim {

// Call first in main, before any HDF5 call: HDF5 then installs no exit handler. With one,
// a result file whose write failed (a full disk) stays open inside HDF5, and at exit the
// handler flushes it again, fails again and crashes (SIGSEGV after the error message).
// bordersim closes every file it opens before returning, so the handler has nothing else
// to do. A no-op once HDF5 is initialised.
void keep_hdf5_out_of_exit();

}  // namespace bordersim
