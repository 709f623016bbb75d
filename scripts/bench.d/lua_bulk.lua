-- The ecsh side of scripts/bench.d/lua-bulk.sh; prints one JSON line of results for lua_bulk.py.
--   modify ID...   ModifyImageAttribute once per id (ids may repeat), concurrently, at the client's --rate
--   describe N     N DescribeImages calls, concurrently
--   iterate        ecs.images over every Available image we own in the region
--   decode N       one DescribeImages page (as describe asks for), then its JSON text decoded N times into Lua
--                  tables: the CPU that building the answer's tables costs, with no request at all
local mode = arg[1]

-- The error codes of the failed items, counted.
local function tally(results)
  local ok, errors = 0, {}
  for _, r in ipairs(results) do
    if r.ok then ok = ok + 1 else errors[r.err.code] = (errors[r.err.code] or 0) + 1 end
  end
  return { ok = ok, errors = errors }
end

if mode == "modify" then
  local items = {}
  for i = 2, #arg do items[#items + 1] = { n = i - 1, id = arg[i] } end
  print(json.encode(tally(ecs.parallel(items, function(item)
    return ecs.modify_image_attribute{ ImageId = item.id, Description = "bench run item " .. item.n }
  end, { concurrency = 16 }))))
elseif mode == "describe" then
  local items = {}
  for i = 1, tonumber(arg[2]) do items[i] = i end
  print(json.encode(tally(ecs.parallel(items, function()
    return ecs.describe_images{ ImageOwnerAlias = "self", PageSize = 10 }.TotalCount
  end, { concurrency = 16 }))))
elseif mode == "iterate" then
  local count = 0
  for _ in ecs.images{ ImageOwnerAlias = "self", PageSize = 100 } do count = count + 1 end
  -- The peak RSS of this program itself (VmHWM): the parent's wait4 ru_maxrss also counts the
  -- forking Python process's pages, so it says more about the benchmark than about ecsh.
  local peak
  for line in io.lines("/proc/self/status") do peak = peak or tonumber(line:match("^VmHWM:%s+(%d+)")) end
  print(json.encode({ ok = count, errors = {}, peak_kib = peak }))
elseif mode == "decode" then
  local text = json.encode(ecs.describe_images{ ImageOwnerAlias = "self", PageSize = 10 })
  local n, sink = tonumber(arg[2]), 0
  local start = os.clock()
  for _ = 1, n do sink = sink + json.decode(text).TotalCount end
  print(json.encode({ ok = n, errors = {}, us_per_decode = (os.clock() - start) * 1e6 / n, bytes = #text, sink = sink }))
else
  error("usage: lua_bulk.lua modify ID... | describe N | iterate | decode N")
end
