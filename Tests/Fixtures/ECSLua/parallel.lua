-- Deprecate a family in parallel; one item fails (it is shared), the others go on.
local items = {}
for img in ecs.images{ ImageOwnerAlias = "self", Status = "Available" } do
  if img.ImageName == "shared-base-image" or img.ImageName:match("^batch%-nightly") then
    items[#items + 1] = img
  end
end
table.sort(items, function(a, b) return a.ImageName < b.ImageName end)
local results = ecs.parallel(items, function(img)
  ecs.modify_image_attribute{ ImageId = img.ImageId, Status = "Deprecated" }
  return ecs.wait_image{ ImageId = img.ImageId, Status = "Deprecated", interval = 0.01 }.ImageName
end, { concurrency = 4 })
for i, r in ipairs(results) do
  if r.ok then print(i, "deprecated", r.value) else print(i, "failed", items[i].ImageName, r.err.code) end
end
