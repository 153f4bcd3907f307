-- wrk script: POST /ask with the gold questions in turn; prints p50/p95 and error counts.
local questions = {}
local i = 0

function init(args)
  local path = args[1]
  for line in io.lines(path) do
    local q = line:match('"question"%s*:%s*"(.-)"')
    if q then questions[#questions + 1] = q end
  end
end

function request()
  i = i % #questions + 1
  local body = '{"question": "' .. questions[i] .. '"}'
  return wrk.format("POST", "/ask", {["Content-Type"] = "application/json"}, body)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d duration_s=%.2f rps=%.2f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f " ..
    "errors_connect=%d errors_read=%d errors_write=%d errors_status=%d errors_timeout=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    e.connect, e.read, e.write, e.status, e.timeout))
end
