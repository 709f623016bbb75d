-- A long bulk job for the Ctrl-C test: COUNT modifications of the `self` images through
-- ecs.parallel (concurrency 4); prints `done N` (flushed) as each item finishes, so the test
-- knows the job is under way before it sends SIGINT. Usage: ecsh interrupt_bulk.lua COUNT
local count = tonumber(arg[1]) or 1000
local ids = {}
for img in ecs.images{ ImageOwnerAlias = "self", PageSize = 100 } do ids[#ids + 1] = img.ImageId end
local items = {}
for i = 1, count do items[i] = { index = i, id = ids[(i - 1) % #ids + 1] } end
local results = ecs.parallel(items, function(item)
  ecs.modify_image_attribute{ ImageId = item.id, Description = "interrupt test item " .. item.index }
  io.write("done ", item.index, "\n")
  io.stdout:flush()
end, { concurrency = 4 })
print("finished all " .. #results)
