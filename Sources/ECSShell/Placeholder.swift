// module ECSShell
