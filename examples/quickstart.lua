-- quickstart.lua: a tour of ecsh on the embedded emulator.
--   ./scripts/ecsh --local [--dry-run] examples/quickstart.lua
-- The same script runs against Alibaba Cloud when you drop --local and have credentials. It renames
-- and re-describes some of your images: try it with --dry-run (before the script's name) first there.

if #arg > 0 then
  io.stderr:write("quickstart.lua takes no arguments (options such as --dry-run go before the script's name)\n")
  os.exit(2)
end
local dry = ecs.config().dry_run
print(("region: %s%s"):format(ecs.config().region, dry and " (dry run: changes are printed, not sent)" or ""))

-- 1. What do we own? Every page, fetched only as the loop needs it.
local mine = {}
for img in ecs.images{ ImageOwnerAlias = "self", Status = "Available,Deprecated" } do
  mine[#mine + 1] = img
end
if #mine < 2 then
  print(("%d images of ours are Available or Deprecated here: the tour needs two"):format(#mine))
  return
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
if dry then
  print(("\n%s would be renamed: %q -> %q"):format(target.ImageId, target.ImageName, newName))
else
  print(("\n%s renamed: %q -> %q"):format(target.ImageId, target.ImageName, after.ImageName))
end

-- 4. A server-side rule: names are unique per owner and region (a dry run sends nothing to check it).
if not dry then
  local ok2, dup = pcall(ecs.modify_image_attribute, { ImageId = mine[2].ImageId, ImageName = newName })
  print("server said: " .. tostring(dup))
end

-- 5. The newest image of a family, then deprecate and restore it.
local family = nil
for _, img in ipairs(mine) do
  if img.ImageFamily and img.ImageFamily ~= "" and img.Status == "Available" then family = img.ImageFamily break end
end
if family then
  local newest = ecs.image_from_family{ ImageFamily = family }
  print(("\nnewest of family %s: %s (%s)"):format(family, newest.ImageId, newest.ImageName))
  ecs.modify_image_attribute{ ImageId = newest.ImageId, Status = "Deprecated" }
  print("  after deprecating: " .. (dry and "(dry run) " or "") .. ecs.image(newest.ImageId).Status)
  ecs.modify_image_attribute{ ImageId = newest.ImageId, Status = "Available" }
  print("  after restoring:   " .. (dry and "(dry run) " or "") .. ecs.image(newest.ImageId).Status)
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
print(("\nparallel audit: %d %s, %d failed (images that are not modifiable report their code)")
  :format(applied, dry and "would be applied" or "applied", failed))

-- 7. JSON out, for other tools.
print("\n" .. json.encode({ renamed = target.ImageId, name = dry and newName or after.ImageName }))
