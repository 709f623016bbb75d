-- Local validation gives the server's codes without sending anything.
for _, name in ipairs{ "good-name", "1bad", "aliyun-reserved", "测试镜像", "x" } do
  local ok, err = ecs.validate.image_name(name)
  print(name, ok, err and err.code or "-")
end
print(ecs.validate.boot_mode("UEFI"), select(2, ecs.validate.boot_mode("uefi")).code)
local ok, err = ecs.validate.modify_image_attribute{ ImageId = "m-1", Features = { ImdsSupport = "v3" } }
print(ok, err.code, err.parameter)
ok, err = ecs.validate.modify_image_attribute{ ImageId = "m-1", Features = { ImdsSuport = "v2" } }
print(ok, err.message)
local okc, errc = pcall(ecs.delete_image, { ImageId = "m-1", Force = "yes" })
print(okc, errc.message)
