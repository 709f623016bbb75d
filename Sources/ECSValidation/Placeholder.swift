// module ECSValidation
