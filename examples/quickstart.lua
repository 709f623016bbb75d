-- quickstart.lua: a tour of ecsh on the embedded emulator.
--   ./scripts/ecsh --local examples/quickstart.lua
-- The same script runs against Alibaba Cloud when you drop --local and have credentials.

print(("region: %s"):format(ecs.config().region))

-- 1. What do we own? Every page, fetched only as the loop needs it.
local mine = {}
for img in ecs.images{ ImageOwnerAlias = "self", Status = "Available,Deprecated" } do
  mine[#mine + 1] = img
end
print(("%d of our images are Available or Deprecated:"):format(#mine))
ecs.table(mine, { "ImageId", "ImageName", "Status", "ImageFamily", "Architecture" })

-- 2. Bad input never leaves the machine: the validator answers with the server's own code.
local ok, err = pcall(ecs.modify_image_attribute, { ImageId = mine[1].ImageId, ImageName = "aliyun-reserved" })
print("\nrejected locally: " .. tostring(err))
print(("  code=%s http_status=%s"):format(err.code, tostring(err.http_status)))

-- 3. Rename an image and give it a description; read it back.
local target = mine[1]
local newName = "quickstart-" .. os.date("!%Y%m%d%H%M%S")
ecs.modify_image_attribute{ ImageId = target.ImageId, ImageName = newName,
                            Description = "renamed by examples/quickstart.lua" }
local after = ecs.image(target.ImageId)
print(("\n%s renamed: %q -> %q"):format(target.ImageId, target.ImageName, after.ImageName))

-- 4. A server-side rule: names are unique per owner and region.
local ok2, dup = pcall(ecs.modify_image_attribute, { ImageId = mine[2].ImageId, ImageName = newName })
print("server said: " .. tostring(dup))

-- 5. The newest image of a family, then deprecate and restore it.
local family = nil
for _, img in ipairs(mine) do
  if img.ImageFamily and img.ImageFamily ~= "" and img.Status == "Available" then family = img.ImageFamily break end
end
if family then
  local newest = ecs.image_from_family{ ImageFamily = family }
  print(("\nnewest of family %s: %s (%s)"):format(family, newest.ImageId, newest.ImageName))
  ecs.modify_image_attribute{ ImageId = newest.ImageId, Status = "Deprecated" }
  print("  after deprecating: " .. ecs.image(newest.ImageId).Status)
  ecs.modify_image_attribute{ ImageId = newest.ImageId, Status = "Available" }
  print("  after restoring:   " .. ecs.image(newest.ImageId).Status)
end

-- 6. Many images at once, concurrently, within the API's quota; failures do not stop the others.
local ids = {}
for i = 1, math.min(#mine, 8) do ids[#ids + 1] = mine[i].ImageId end
local results = ecs.parallel(ids, function(id)
  return ecs.modify_image_attribute{ ImageId = id, Description = "audited " .. os.date("!%Y-%m-%d") }
end, { concurrency = 4 })
local applied, failed = 0, 0
for i, r in ipairs(results) do
  if r.ok then applied = applied + 1 else failed = failed + 1; print(("  %s: %s"):format(ids[i], r.err.code)) end
end
print(("\nparallel audit: %d applied, %d failed (images that are not modifiable report their code)"):format(applied, failed))

-- 7. JSON out, for other tools.
print("\n" .. json.encode({ renamed = target.ImageId, name = after.ImageName }))
