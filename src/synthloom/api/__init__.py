"""synthloom's Python API: `Pipeline`, `Step`, `step`, `Result` (re-exported by `synthloom`)."""
