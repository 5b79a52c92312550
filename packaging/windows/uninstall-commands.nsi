; Run by the uninstaller (CPACK_NSIS_EXTRA_UNINSTALL_COMMANDS): the program's start at login
; goes with it. The configuration, the usage data and the keys stay where they are.
DeleteRegValue HKCU "Software\Microsoft\Windows\CurrentVersion\Run" "CCBridge"
DeleteRegValue HKCU "Software\Microsoft\Windows\CurrentVersion\Explorer\StartupApproved\Run" "CCBridge"
