-- List, inspect, rename one image, and show the errors of a bad name and a taken one.
local mine = {}
for img in ecs.images{ ImageOwnerAlias = "self", ImageFamily = "web-prod", PageSize = 2 } do
  mine[#mine + 1] = img
end
table.sort(mine, function(a, b) return a.ImageName < b.ImageName end)
ecs.table(mine, { "ImageName", "ImageFamily", "Status", "Size" })

local first = mine[1]
print("size is an integer:", math.type(first.Size))
local r = ecs.modify_image_attribute{ ImageId = first.ImageId, ImageName = "web-prod-renamed" }
print("renamed:", ecs.image(first.ImageId).ImageName, type(r.RequestId))

local ok, err = pcall(ecs.modify_image_attribute, { ImageId = first.ImageId, ImageName = "1-starts-with-a-digit" })
print(ok, err.code, err.http_status, err.where)
print(tostring(err))

ok, err = pcall(ecs.modify_image_attribute, { ImageId = first.ImageId, ImageName = mine[2].ImageName })
print(ok, err.code, err.http_status, err.retryable, err.action)

ok, err = pcall(ecs.modify_image_attribute, { image_id = first.ImageId })
print(err.message)
