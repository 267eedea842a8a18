module procspec.io/bench

go 1.19
