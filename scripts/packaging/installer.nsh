; Included by electron-builder's NSIS installer (electron-builder.yml, nsis.include).
;
; Adds the app to Explorer's "Open with" (打开方式) menu for its documents and for the tables it
; imports, for the current user only. Windows chooses a program by the last extension, so a
; .jixiao.json document is a .json file to Explorer: the app is offered for .json, never made the
; default behind the clerk's back. The uninstaller removes exactly these keys and nothing else;
; documents and the settings folder are never touched.

!define JIXIAO_DOCUMENT_PROGID "jixiao.document"
!define JIXIAO_IMPORT_PROGID "jixiao.import"
!define JIXIAO_APPLICATION_KEY "Software\Classes\Applications\${APP_EXECUTABLE_FILENAME}"

!macro jixiaoProgId PROGID
  WriteRegStr SHCTX "Software\Classes\${PROGID}" "" "${PRODUCT_NAME}"
  WriteRegStr SHCTX "Software\Classes\${PROGID}\DefaultIcon" "" "$appExe,0"
  WriteRegStr SHCTX "Software\Classes\${PROGID}\shell\open\command" "" '"$appExe" "%1"'
!macroend

!macro jixiaoOpenWith EXT PROGID
  WriteRegStr SHCTX "Software\Classes\.${EXT}\OpenWithProgids" "${PROGID}" ""
  WriteRegStr SHCTX "${JIXIAO_APPLICATION_KEY}\SupportedTypes" ".${EXT}" ""
!macroend

!macro jixiaoForgetOpenWith EXT PROGID
  DeleteRegValue SHCTX "Software\Classes\.${EXT}\OpenWithProgids" "${PROGID}"
!macroend

!macro customInstall
  !insertmacro jixiaoProgId "${JIXIAO_DOCUMENT_PROGID}"
  !insertmacro jixiaoProgId "${JIXIAO_IMPORT_PROGID}"
  WriteRegStr SHCTX "${JIXIAO_APPLICATION_KEY}" "FriendlyAppName" "${PRODUCT_NAME}"
  WriteRegStr SHCTX "${JIXIAO_APPLICATION_KEY}\shell\open\command" "" '"$appExe" "%1"'
  !insertmacro jixiaoOpenWith "json" "${JIXIAO_DOCUMENT_PROGID}"
  !insertmacro jixiaoOpenWith "xlsx" "${JIXIAO_IMPORT_PROGID}"
  !insertmacro jixiaoOpenWith "xls" "${JIXIAO_IMPORT_PROGID}"
  !insertmacro jixiaoOpenWith "docx" "${JIXIAO_IMPORT_PROGID}"
  !insertmacro jixiaoOpenWith "pdf" "${JIXIAO_IMPORT_PROGID}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, i 0, i 0)'
!macroend

!macro customUnInstall
  !insertmacro jixiaoForgetOpenWith "json" "${JIXIAO_DOCUMENT_PROGID}"
  !insertmacro jixiaoForgetOpenWith "xlsx" "${JIXIAO_IMPORT_PROGID}"
  !insertmacro jixiaoForgetOpenWith "xls" "${JIXIAO_IMPORT_PROGID}"
  !insertmacro jixiaoForgetOpenWith "docx" "${JIXIAO_IMPORT_PROGID}"
  !insertmacro jixiaoForgetOpenWith "pdf" "${JIXIAO_IMPORT_PROGID}"
  DeleteRegKey SHCTX "Software\Classes\${JIXIAO_DOCUMENT_PROGID}"
  DeleteRegKey SHCTX "Software\Classes\${JIXIAO_IMPORT_PROGID}"
  DeleteRegKey SHCTX "${JIXIAO_APPLICATION_KEY}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, i 0, i 0)'
!macroend
