#!/usr/bin/env python3
"""Hostile clients against a running `stationmap serve` on 127.0.0.1 (used by serve_wrk.sh).

  serve_hostile.py PORT SERVER_PID RANGE_PATH

- idle: 64 connections each send half a request head and wait; a new client's GET /tiles.json is timed
  (connect to last byte), five times; the slowest is reported (bar: under 0.5 s).
- ranges: GET RANGE_PATH with a Range header of 2,700 ranges `0-` (it fits in 8 KiB), ten times; reported:
  status, bytes received, and the server's peak resident memory (VmHWM) before and after (bar: 416 or one
  range, peak under 200 MB).
Prints one line per measurement.
"""
import socket
import sys
import time

HOST = "127.0.0.1"


def peak_rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def request(port, raw, timeout=30.0):
    """Sends raw bytes, reads until the server closes; returns (status, bytes received, seconds)."""
    t0 = time.monotonic()
    with socket.create_connection((HOST, port), timeout=timeout) as s:
        s.sendall(raw)
        data = bytearray()
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
    status = int(data[9:12]) if data.startswith(b"HTTP/1.") else 0
    return status, len(data), time.monotonic() - t0


def idle(port):
    half = b"GET /tiles.json HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    holders = []
    for _ in range(64):
        s = socket.create_connection((HOST, port), timeout=30)
        s.sendall(half)
        holders.append(s)
    time.sleep(0.2)
    worst = 0.0
    statuses = set()
    for _ in range(5):
        status, _, seconds = request(port, b"GET /tiles.json HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        statuses.add(status)
        worst = max(worst, seconds)
    for s in holders:
        s.close()
    print(f"serve_hostile: idle: 64 half-open connections, new client's /tiles.json: slowest of 5 {worst:.3f} s, "
          f"status {sorted(statuses)}")


def ranges(port, pid, path):
    spec = "bytes=" + ",".join(["0-"] * 2700)
    raw = (f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nRange: {spec}\r\nConnection: close\r\n\r\n").encode()
    before = peak_rss_mb(pid)
    results = [request(port, raw) for _ in range(10)]
    after = peak_rss_mb(pid)
    statuses = sorted({r[0] for r in results})
    largest = max(r[1] for r in results)
    print(f"serve_hostile: ranges: 2,700 ranges on {path} ({len(raw)} bytes of request) x10: status {statuses}, "
          f"largest response {largest} bytes, server peak RSS {before:.1f} MB before, {after:.1f} MB after")


def main():
    port, pid, path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    idle(port)
    ranges(port, pid, path)


if __name__ == "__main__":
    main()
