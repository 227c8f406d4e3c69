// English words of the shell namespace (see catalogue.ts): what the desktop app's main process
// says itself: the application menu, notifications, its dialogs (another delivery service, saving
// an export, adding a map file, reporting a problem, a link it cannot open) and the sign-in's
// storage on this computer.
export const shell = {
  menu: {
    // "&" marks the letter Alt opens the menu with on Windows and Linux (macOS shows none).
    file: '&File',
    edit: '&Edit',
    view: '&View',
    window: '&Window',
    help: '&Help',
    about: 'About Porchlight',
    settings: 'Settings',
    settingsMac: 'Settings…',
    services: 'Services',
    hide: 'Hide Porchlight',
    hideOthers: 'Hide Others',
    unhide: 'Show All',
    quit: 'Quit Porchlight',
    exit: 'E&xit',
    closeWindow: 'Close Window',
    syncNow: 'Sync now',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    pasteAndMatchStyle: 'Paste and Match Style',
    delete: 'Delete',
    selectAll: 'Select All',
    searchDeliveries: 'Search deliveries',
    cases: 'Cases',
    syncReport: 'Sync report',
    actualSize: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    fullScreen: 'Toggle Full Screen',
    reload: 'Reload',
    developerTools: 'Toggle Developer Tools',
    minimize: 'Minimize',
    zoom: 'Zoom',
    bringAllToFront: 'Bring All to Front',
    shortcuts: 'Keyboard shortcuts',
    reportProblem: 'Report a problem…',
  },
  syncNews: {
    backOnline: 'Back online',
    decisionTitle_one: 'A change needs your decision',
    decisionTitle_other: 'Changes need your decision',
    sent_one: 'The change you made while offline was sent.',
    sent_other: 'The {{count, number}} changes you made while offline were sent.',
    conflicts_one: 'One change needs your decision: its case changed on the service.',
    conflicts_other:
      '{{count, number}} changes need your decision: their cases changed on the service.',
  },
  otherService: {
    title: 'The data on this computer came from another delivery service',
    titleUnconfirmed:
      'Porchlight cannot tell whether this is the delivery service its data came from',
    filledFrom:
      'The Porchlight data in {{dir}} was filled from the delivery service at {{from}}, not from {{asked}}.',
    filledFromUnconfirmed:
      'The Porchlight data in {{dir}} was filled from the delivery service at {{from}}. The service at {{asked}} cannot be reached to confirm it is the same one.',
    stillHolds_one: 'It still holds {{count, number}} case change not yet sent to {{url}}.',
    stillHolds_other: 'It still holds {{count, number}} case changes not yet sent to {{url}}.',
    keptApart:
      'Porchlight keeps the data of each delivery service apart and never mixes them. You can start a separate cache for {{asked}}: the data from {{from}} stays on this computer as it is and is used again when Porchlight is started for {{from}}.',
    keptApartUnsent_one:
      'Porchlight keeps the data of each delivery service apart and never mixes them. You can start a separate cache for {{asked}}: the data from {{from}} stays on this computer as it is, with its {{count, number}} case change not yet sent, and is used again when Porchlight is started for {{from}}.',
    keptApartUnsent_other:
      'Porchlight keeps the data of each delivery service apart and never mixes them. You can start a separate cache for {{asked}}: the data from {{from}} stays on this computer as it is, with its {{count, number}} case changes not yet sent, and is used again when Porchlight is started for {{from}}.',
    orQuit: 'Or quit, and start Porchlight for {{from}}.',
    orQuitUnconfirmed: 'Or quit, and start Porchlight for {{from}} once it can be reached.',
    startSeparate: 'Start a separate cache for {{asked}}',
    quit: 'Quit',
  },
  saveExport: {
    title: 'Save the case report',
    button: 'Export',
    csv: 'CSV (comma-separated values)',
    xlsx: 'Excel workbook',
    pdf: 'PDF document',
    png: 'PNG image',
  },
  mapFile: {
    title: 'Add a map file',
    button: 'Add map',
    files: 'MBTiles map files',
  },
  reportProblem: {
    title: 'Save a problem report',
    button: 'Save report',
    files: 'Text',
    failed: 'The problem report could not be saved.',
  },
  link: {
    refused: 'Porchlight cannot open this link.',
    looksLike:
      '{{reason}} Porchlight links look like {{scheme}}://delivery/<order or tracking number> or {{scheme}}://case/<case id>.',
  },
  startFailed: 'Porchlight could not start. The details are in the log.',
  ok: 'OK',
  tokenStore: {
    notice:
      'This computer offers no protected storage for your sign-in, so Porchlight keeps it in memory only: you will be asked to sign in again after each restart.',
  },
} as const
