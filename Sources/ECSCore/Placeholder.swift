// module ECSCore
