-- imds-v2-migration.lua: move every image we own in the region to IMDSv2 (token-only metadata access).
--   ./scripts/ecsh --local [--dry-run] examples/imds-v2-migration.lua [REGION]
-- Images already on v2 are skipped; the ones ECS refuses (still Creating, ...) are listed with the
-- error code, and the others still go through. --dry-run (before the script's name) prints the
-- requests and changes nothing.

local function usage(problem)
  io.stderr:write(("imds-v2-migration.lua: %s\nusage: ecsh [--dry-run] imds-v2-migration.lua [REGION]\n"):format(problem))
  os.exit(2)
end
if arg[1] and arg[1]:sub(1, 1) == "-" then usage(("%s: options go before the script's name"):format(arg[1])) end
if #arg > 1 then usage("at most one argument") end
if arg[1] then
  local ok, err = pcall(ecs.config, { region = arg[1] })
  if not ok then usage(tostring(err)) end
end
print("region: " .. ecs.config().region)
local dry = ecs.config().dry_run

-- Every status: a Deprecated or failed image still launches with its IMDS setting, and ECS says
-- itself which ones cannot change.
local todo, already = {}, 0
local listed, err = pcall(function()
  for img in ecs.images{ ImageOwnerAlias = "self", Status = "ALL" } do
    if img.Features and img.Features.ImdsSupport == "v2" then
      already = already + 1
    else
      todo[#todo + 1] = img
    end
  end
end)
if not listed and type(err) ~= "table" then error(err, 0) end  -- not an ECS error (Ctrl-C, a bug): as it is
if not listed then  -- e.g. InvalidRegionId.NotFound: say so plainly, without a traceback
  io.stderr:write("imds-v2-migration.lua: cannot list the images: " .. tostring(err) .. "\n")
  os.exit(1)
end
print(("%d images already on v2, %s %d"):format(already, dry and "would migrate" or "migrating", #todo))

local results = ecs.parallel(todo, function(img)
  return ecs.modify_image_attribute{ ImageId = img.ImageId, Features = { ImdsSupport = "v2" } }
end, { concurrency = 8 })

local refused = {}
for i, r in ipairs(results) do
  if not r.ok then
    local img = todo[i]
    refused[#refused + 1] = { ImageId = img.ImageId, ImageName = img.ImageName, Status = img.Status, Code = r.err.code }
  end
end
if #refused > 0 then
  print("refused:")
  ecs.table(refused, { "ImageId", "ImageName", "Status", "Code" })
end
if dry then
  print(("dry run, nothing changed: would migrate %d, already v2 %d (the server may refuse some, e.g. images still Creating)")
    :format(#todo, already))
else
  print(("migrated %d, already v2 %d, refused %d"):format(#todo - #refused, already, #refused))
end
