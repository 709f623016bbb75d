-- 20,000 requests in one process: RSS and open descriptors after the first 1,000 and every 5,000.
-- ecsh serve --rate off &  then:  ecsh --rate off --endpoint http://127.0.0.1:PORT scripts/bench.d/soak.lua
-- (with ALIBABA_CLOUD_ACCESS_KEY_ID=demo-full-access ALIBABA_CLOUD_ACCESS_KEY_SECRET=demo-full-secret)
local function rss_kb()
  for line in io.lines("/proc/self/status") do
    local v = line:match("^VmRSS:%s+(%d+)") if v then return tonumber(v) end
  end
end
-- The shell io.popen starts is a child of ecsh, so $PPID is ecsh itself.
local function open_fds()
  local n = 0
  for _ in io.popen("ls /proc/$PPID/fd"):lines() do n = n + 1 end
  return n
end
local total, batch = 20000, 1000
local marks = {}
for done = batch, total, batch do
  local items = {} for i = 1, batch do items[i] = i end
  local r = ecs.parallel(items, function() return ecs.describe_regions{} end, { concurrency = 16 })
  for _, x in ipairs(r) do assert(x.ok, x.err) end
  collectgarbage()
  if done == batch or done % 5000 == 0 then
    marks[#marks + 1] = ("%6d requests: RSS %6d KiB, open fds %d"):format(done, rss_kb(), open_fds())
  end
end
print(table.concat(marks, "\n"))
