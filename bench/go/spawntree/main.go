// Command spawntree runs the spawn tree on the Go runtime, the peer of procspec's scheduler in
// bench/ (SpawnBench): the root covers the leaf numbers [0, leaves); every node splits its range
// into fanout parts and starts a goroutine for each, fire and forget, until a range holds one
// number; each leaf adds its number to a shared sum (atomic.AddInt64). With the defaults that is
// 1,111,111 goroutines and the sum 499999500000. A sync.WaitGroup sized to the known number of
// goroutines, one Done per goroutine, tells main that the tree is finished.
//
// It runs -warmup trees, then -reps measured trees, and prints one JSON object:
// {"go": version, "gomaxprocs": n, "tasks": n, "ms": [per tree], "allocBytesPerTask": x,
// "mallocsPerTask": y} where the allocation figures are runtime.MemStats deltas over the measured
// trees divided by their goroutines. A wrong sum exits with status 1.
//
//	go run ./spawntree -reps 15 -warmup 5
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

type tree struct {
	fanout int
	sum    int64
	wg     sync.WaitGroup
}

func (t *tree) node(lo, hi int) {
	defer t.wg.Done()
	n := hi - lo
	if n == 1 {
		atomic.AddInt64(&t.sum, int64(lo))
		return
	}
	parts := t.fanout
	if n < parts {
		parts = n
	}
	for k := 0; k < parts; k++ {
		clo := lo + int(int64(n)*int64(k)/int64(parts))
		chi := lo + int(int64(n)*int64(k+1)/int64(parts))
		go t.node(clo, chi)
	}
}

func count(lo, hi, fanout int) int {
	n := hi - lo
	if n == 1 {
		return 1
	}
	parts := fanout
	if n < parts {
		parts = n
	}
	c := 1
	for k := 0; k < parts; k++ {
		c += count(lo+int(int64(n)*int64(k)/int64(parts)), lo+int(int64(n)*int64(k+1)/int64(parts)), fanout)
	}
	return c
}

func run(leaves, fanout, tasks int) (time.Duration, int64) {
	t := &tree{fanout: fanout}
	t.wg.Add(tasks)
	start := time.Now()
	go t.node(0, leaves)
	t.wg.Wait()
	return time.Since(start), atomic.LoadInt64(&t.sum)
}

type result struct {
	Go                string    `json:"go"`
	Gomaxprocs        int       `json:"gomaxprocs"`
	Leaves            int       `json:"leaves"`
	Fanout            int       `json:"fanout"`
	Tasks             int       `json:"tasks"`
	Warmup            int       `json:"warmup"`
	Ms                []float64 `json:"ms"`
	AllocBytesPerTask float64   `json:"allocBytesPerTask"`
	MallocsPerTask    float64   `json:"mallocsPerTask"`
}

func main() {
	leaves := flag.Int("leaves", 1000000, "leaf goroutines (>= 1)")
	fanout := flag.Int("fanout", 10, "children per inner goroutine (>= 2)")
	warmup := flag.Int("warmup", 5, "trees run before measuring (>= 0)")
	reps := flag.Int("reps", 15, "measured trees (>= 1)")
	flag.Parse()
	if *leaves < 1 || *fanout < 2 || *warmup < 0 || *reps < 1 || flag.NArg() != 0 {
		fmt.Fprintln(os.Stderr, "spawntree: need -leaves >= 1, -fanout >= 2, -warmup >= 0, -reps >= 1 and no arguments")
		os.Exit(2)
	}
	tasks := count(0, *leaves, *fanout)
	want := int64(*leaves) * int64(*leaves-1) / 2
	for i := 0; i < *warmup; i++ {
		if _, sum := run(*leaves, *fanout, tasks); sum != want {
			fmt.Fprintf(os.Stderr, "spawntree: wrong sum %d, expected %d\n", sum, want)
			os.Exit(1)
		}
	}
	res := result{Go: runtime.Version(), Gomaxprocs: runtime.GOMAXPROCS(0), Leaves: *leaves,
		Fanout: *fanout, Tasks: tasks, Warmup: *warmup}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for i := 0; i < *reps; i++ {
		d, sum := run(*leaves, *fanout, tasks)
		if sum != want {
			fmt.Fprintf(os.Stderr, "spawntree: wrong sum %d, expected %d\n", sum, want)
			os.Exit(1)
		}
		res.Ms = append(res.Ms, float64(d.Nanoseconds())/1e6)
	}
	runtime.ReadMemStats(&after)
	n := float64(tasks) * float64(*reps)
	res.AllocBytesPerTask = float64(after.TotalAlloc-before.TotalAlloc) / n
	res.MallocsPerTask = float64(after.Mallocs-before.Mallocs) / n
	out, err := json.Marshal(res)
	if err != nil {
		fmt.Fprintln(os.Stderr, "spawntree:", err)
		os.Exit(1)
	}
	fmt.Println(string(out))
}
