// module ECSLua
