"""Cold start and REPL memory of ecsh, against a Swift hello-world and lua5.4, in one run."""
import os
import statistics
import subprocess
import sys
import time

ecsh, hello = sys.argv[1], sys.argv[2]
hello_static = sys.argv[3] if len(sys.argv) > 3 else None


def median_ms(cmd, runs=30):
    for _ in range(3):
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    samples = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        samples.append((time.perf_counter() - t) * 1000)
    return statistics.median(samples)


floor = median_ms([hello])
static_floor = median_ms([hello_static]) if hello_static else None
lua = median_ms(["lua5.4", "-e", ""])
start = median_ms([ecsh, "-e", "return 1"])
static_text = f", {static_floor:.1f} ms with a static standard library (ratio {start / static_floor:.2f}x)" if static_floor else ""
print(f"cold start: ecsh -e 'return 1' {start:.1f} ms, Swift hello {floor:.1f} ms{static_text}, lua5.4 {lua:.1f} ms; "
      f"ratio to the default-built Swift hello {start / floor:.2f}x (goal <= 1.5x)")

# Peak RSS of the REPL after start: stdin stays open so the REPL waits for input.
proc = subprocess.Popen([ecsh], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
time.sleep(0.5)
peak = 0
with open(f"/proc/{proc.pid}/status") as f:
    for line in f:
        if line.startswith("VmHWM:"):
            peak = int(line.split()[1]) / 1024
proc.stdin.close()
proc.wait(timeout=10)
print(f"memory: peak RSS of the REPL after start {peak:.1f} MiB (goal <= 25 MiB)")
