-- Bulk job against a faulty emulator: sets the description of every `self` image, ROUNDS times,
-- through ecs.parallel. Prints one JSON line per item and round:
--   {"round":R,"id":"m-...","description":"...","ok":true}
--   {"round":R,"id":"m-...","description":"...","ok":false,"code":"ServiceUnavailable","message":"..."}
-- Usage: ecsh fault_bulk.lua ROUNDS TAG RETRIES
local rounds = tonumber(arg[1]) or 5
local tag = arg[2] or "fault"
local retries = tonumber(arg[3]) or 1

ecs.config{ retries = 10 }   -- the listing itself must get through the faults
local ids = {}
for img in ecs.images{ ImageOwnerAlias = "self", PageSize = 100 } do ids[#ids + 1] = img.ImageId end
assert(#ids > 0, "no self images to modify")

ecs.config{ retries = retries }
for round = 1, rounds do
  local items = {}
  for i, id in ipairs(ids) do
    items[i] = { id = id, description = string.format("%s round %d of %s", tag, round, id) }
  end
  local results = ecs.parallel(items, function(item)
    return ecs.modify_image_attribute{ ImageId = item.id, Description = item.description }
  end, { concurrency = 8 })
  for i, r in ipairs(results) do
    local line = { round = round, id = items[i].id, description = items[i].description, ok = r.ok }
    if not r.ok then
      line.code = type(r.err) == "table" and r.err.code or "lua"
      line.message = tostring(r.err)
    end
    print(json.encode(line))
  end
end
