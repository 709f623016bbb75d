-- imds-v2-migration.lua: move every image we own in the region to IMDSv2 (token-only metadata access).
--   ./scripts/ecsh --local examples/imds-v2-migration.lua [REGION]
-- Images already on v2 are skipped; the ones ECS refuses (still Creating, ...) are listed with the
-- error code, and the others still go through. Add --dry-run to see the requests without sending them.

if arg[1] then ecs.config{ region = arg[1] } end
print("region: " .. ecs.config().region)

-- Every status: a Deprecated or failed image still launches with its IMDS setting, and ECS says
-- itself which ones cannot change.
local todo, already = {}, 0
for img in ecs.images{ ImageOwnerAlias = "self", Status = "ALL" } do
  if img.Features and img.Features.ImdsSupport == "v2" then
    already = already + 1
  else
    todo[#todo + 1] = img
  end
end
print(("%d images already on v2, migrating %d"):format(already, #todo))

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
print(("migrated %d, already v2 %d, refused %d"):format(#todo - #refused, already, #refused))
