; Run by the installer after the files are in place (CPACK_NSIS_EXTRA_INSTALL_COMMANDS).
; Start at login: the same Run value the app's own setting writes (app/config/autostart.cpp).
MessageBox MB_YESNO|MB_ICONQUESTION "Start CC Bridge in the tray when you log in?$\r$\n(You can change this later in its Settings.)" /SD IDNO IDNO +2
WriteRegStr HKCU "Software\Microsoft\Windows\CurrentVersion\Run" "CCBridge" '"$INSTDIR\bin\ccbridge.exe" --minimized'
