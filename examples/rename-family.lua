-- rename-family.lua: move the images of one family into another, newest first, within the family quota.
--   ./scripts/ecsh --local [--dry-run] examples/rename-family.lua [FROM [TO]]
-- Defaults: "batch-nightly" into "hangzhou-daily-update". A family holds a limited number of images
-- (ECS answers ImageQuotaFull.ImageFamily when it is full), so the moves run one at a time and stop at
-- the first quota error: the images left behind are listed and stay in FROM, still usable.

local function usage(problem)
  io.stderr:write(("rename-family.lua: %s\nusage: ecsh [--dry-run] rename-family.lua [FROM [TO]]\n"):format(problem))
  os.exit(2)
end
for _, a in ipairs(arg) do
  if a:sub(1, 1) == "-" then usage(("%s: options go before the script's name"):format(a)) end
end
if #arg > 2 then usage("at most two arguments") end
local from = arg[1] or "batch-nightly"
local to = arg[2] or "hangzhou-daily-update"
-- A malformed family name would fail every call the same way: check both once, locally, before any request.
for _, name in ipairs({ from, to }) do
  local valid, err = ecs.validate.image_family(name)
  if not valid then usage(tostring(err)) end
end
if from == to then
  print(("nothing to do: %s is already the family of its images"):format(to))
  return
end
local dry = ecs.config().dry_run

-- Every status: a Deprecated member still belongs to the family and counts against its quota.
local members = {}
for img in ecs.images{ ImageOwnerAlias = "self", ImageFamily = from, Status = "ALL" } do
  members[#members + 1] = img
end
table.sort(members, function(a, b) return a.CreationTime > b.CreationTime end)
print(("%s %d images from %s to %s"):format(dry and "would move" or "moving", #members, from, to))

-- Serially: whether the next move fits depends on the ones before it.
local moved, refused, stopped = {}, {}, nil
for i, img in ipairs(members) do
  local ok, e = pcall(ecs.modify_image_attribute, { ImageId = img.ImageId, ImageFamily = to })
  if not ok and type(e) ~= "table" then error(e, 0) end  -- not an ECS error (Ctrl-C, a bug): stop here
  if ok then
    moved[#moved + 1] = { ImageId = img.ImageId, ImageName = img.ImageName, Status = img.Status }
  elseif e.code == "ImageQuotaFull.ImageFamily" or e.code == "ImageFamilyQuotaFull" then
    stopped = { index = i, err = e }  -- no later image can fit either
    break
  elseif e.retryable then
    error(e)  -- retries are exhausted: the service is in trouble, stop here (exit 1)
  else
    refused[#refused + 1] = ("%s (%s)"):format(img.ImageId, e.code)  -- this image only, e.g. still Creating
  end
end

if #moved > 0 then ecs.table(moved, { "ImageId", "ImageName", "Status" }) end
if stopped then
  if stopped.err.code == "ImageFamilyQuotaFull" then
    print(("stopped: %s is a new family and the region holds the most families allowed (%s)"):format(to, stopped.err.code))
  else
    print(("stopped: family %s is full (%s)"):format(to, stopped.err.code))
  end
  local left = {}
  for i = stopped.index, #members do left[#left + 1] = members[i].ImageId end
  print("left in " .. from .. ": " .. table.concat(left, ", "))
end
if #refused > 0 then print("refused: " .. table.concat(refused, ", ")) end
if dry then
  print(("dry run, nothing changed: would move %d (the server checks the family quota, and may stop earlier)"):format(#moved))
else
  print(("moved %d, left %d"):format(#moved, #members - #moved))
end
