// English words of Settings (see catalogue.ts): the screen's sections, and what the core says
// about the settings, map files and tiles, retention, erasing the local data and updates.
export const settings = {
  screen: {
    title: 'Settings',
    retry: 'Retry',
    readFailed: 'The settings could not be read. {{reason}}',
    loading: 'Loading the settings',
  },
  appearance: {
    title: 'Appearance and language',
    language: 'Language',
    languageSystem: 'As the system ({{language}})',
    languageHint: 'The app, its exports and its PDFs use it. Kept with the settings.',
    theme: 'Theme',
    themeSystem: 'As the system',
    themeLight: 'Light',
    themeDark: 'Dark',
    themeHint: 'Kept on this computer for everyone who signs in here.',
    languageFailed: 'The language could not be saved. {{reason}}',
  },
  sync: {
    title: 'Sync',
    interval: 'Sync automatically',
    intervalHint:
      'How often Porchlight fetches new deliveries, cases and photos while you are signed in. Sync now in the status bar works whatever you choose.',
    notify: 'Tell me when changes made offline are sent',
    notifyHint:
      'The desktop app shows a notification when the delivery service is back and your queued changes have gone, or when one needs your decision.',
    notSaved: 'The change was not saved. {{reason}}',
    saved: 'Saved. {{what}}',
    notifyOn: 'Porchlight tells you when changes made offline are sent.',
    notifyOff: 'No notifications after an outage.',
  },
  syncInterval: {
    off: 'Off',
    everyMinute: 'Every minute',
    everyMinutes_one: 'Every {{count, number}} minute',
    everyMinutes_other: 'Every {{count, number}} minutes',
    everyHour: 'Every hour',
    everyHours_one: 'Every {{count, number}} hour',
    everyHours_other: 'Every {{count, number}} hours',
    offSentence: 'Automatic sync is off. Use Sync now in the status bar to fetch new deliveries.',
    minuteSentence: 'Porchlight syncs every minute.',
    minutesSentence_one: 'Porchlight syncs every {{count, number}} minute.',
    minutesSentence_other: 'Porchlight syncs every {{count, number}} minutes.',
    hourSentence: 'Porchlight syncs every hour.',
    hoursSentence_one: 'Porchlight syncs every {{count, number}} hour.',
    hoursSentence_other: 'Porchlight syncs every {{count, number}} hours.',
  },
  service: {
    title: 'Delivery service',
    kind: 'Kind',
    demo: 'Built-in demo service',
    real: 'Real delivery service',
    demoHint: 'Sample deliveries made up on this computer. No real customer is shown.',
    realHint: 'Live deliveries and photos of real customers.',
    address: 'Address',
    chosenHint:
      'The service is chosen when Porchlight is installed or started; ask your administrator to change it.',
  },
  user: {
    title: 'Signed in as',
    name: 'Name',
    role: 'Role',
    id: 'User ID',
  },
  maps: {
    title: 'Map tiles',
    intro:
      'For each piece of the map Porchlight asks these in order, and uses the first that has it. Tiles reach this window only through Porchlight, never straight from the internet.',
    readFailed: 'The map sources could not be read. {{reason}}',
    loading: 'Loading the map sources',
    stepNumber: '{{number, number}}.',
    filesStep: 'Map files (MBTiles)',
    serverStep: 'Online tile server',
    cacheStep: 'Tiles already viewed',
  },
  mapFiles: {
    origin: {
      demo: 'Built in',
      folder: 'Maps folder',
      added: 'Added',
    },
    none: 'No map files yet. Without one, the map needs the online tile server or tiles viewed before.',
    listLabel: 'Map files, in the order they are used',
    use: 'Use {{file}}',
    zoom: 'zoom {{min, number}}–{{max, number}}',
    useEarlier: 'Use earlier',
    useLater: 'Use later',
    moveUp: 'Move {{file}} up',
    moveDown: 'Move {{file}} down',
    removeHint: 'Stop using this file (the file itself is kept)',
    remove: 'Remove {{file}}',
    removing: 'Removing…',
    removed: '{{file}} was removed.',
    movedTo: '{{file}} is now number {{place, number}} in the order.',
    switchedOn: '{{file}} is on.',
    switchedOff: '{{file}} is off.',
    waitingForFile: 'Waiting for a file…',
    added: '{{file}} was added.',
    add: 'Add a map file…',
    looking: 'Looking…',
    lookAgain: 'Look in the maps folder again',
    folderAlso:
      'Map files can also be put in <0>{{folder}}</0>; they are picked up the next time a map opens. Raster tiles only (png, jpg or webp).',
    folderOnly:
      'Put map files (.mbtiles) in <0>{{folder}}</0>; they are picked up the next time a map opens. Raster tiles only (png, jpg or webp).',
  },
  tileServer: {
    fixedOff:
      'Switched off when Porchlight was started. Settings cannot change it while Porchlight runs this way.',
    fixedSet:
      'Set when Porchlight was started. Settings cannot change it while Porchlight runs this way.',
    usedUpTo: 'Tiles come from <0>{{address}}</0> up to zoom {{zoom, number}}.',
    notUsed: 'No online tile server is used.',
    enabled: 'Use an online tile server',
    address: 'Address',
    addressHint: 'A URL template with {{z}}, {{x}} and {{y}}, for example the default.',
    attribution: 'Attribution',
    attributionHint: 'Shown on the map, as the server’s terms require.',
    maxZoom: 'Deepest zoom',
    help: 'Porchlight asks it only for the tiles of the map on screen, names itself as Porchlight, and keeps each tile as long as the server’s cache headers allow. Nothing is downloaded ahead.',
    save: 'Save tile server',
    useOpenStreetMap: 'Use OpenStreetMap',
    saved: 'The tile server was saved.',
    off: 'The online tile server is off.',
  },
  tileCache: {
    none: 'No tiles kept yet.',
    usage_one: '{{count, number}} tile, {{used}} of {{cap}}.',
    usage_other: '{{count, number}} tiles, {{used}} of {{cap}}.',
    intro:
      'Tiles from the online server are kept so places you have looked at stay on the map while offline. Past the cap, the ones viewed longest ago go first.',
    cap: 'Keep up to',
    capSaved: 'Up to {{size}} of tiles will be kept.',
    clear: 'Clear tiles…',
    confirmTitle: 'Clear the tiles already viewed?',
    confirmText:
      'Places you have looked at will show no online map while offline until you view them again online. Map files are not affected.',
    confirm: 'Clear tiles',
    clearing: 'Clearing…',
    cleared: 'The tiles were cleared.',
  },
  size: {
    kilobytes: '{{value}} kB',
    megabytes: '{{value}} MB',
    gigabytes: '{{value}} GB',
  },
  helpDesk: {
    title: 'Help desk',
    loading: 'Loading the help desk’s ticket address',
    address: 'Ticket address',
    addressHint:
      'The address of a ticket, with {{placeholder}} where its number goes, for example {{example}}',
    help: 'With it, a case’s ticket opens in your browser, and a ticket’s address pasted into the search box finds its case. Without it, a case’s ticket is shown as its number.',
    save: 'Save ticket address',
    remove: 'Remove ticket address',
    saved: 'The ticket address was saved.',
    removed: 'No ticket address.',
    notSaved: 'The ticket address was not saved. {{reason}}',
  },
  retention: {
    title: 'Data kept on this computer',
    introHourly:
      'Porchlight keeps a copy of deliveries and their photos so that you can work offline. What is older than these periods is removed from this computer every hour and before each sync, unless a case still needs it.',
    introEveryMinutes_one:
      'Porchlight keeps a copy of deliveries and their photos so that you can work offline. What is older than these periods is removed from this computer every minute and before each sync, unless a case still needs it.',
    introEveryMinutes_other:
      'Porchlight keeps a copy of deliveries and their photos so that you can work offline. What is older than these periods is removed from this computer every {{count, number}} minutes and before each sync, unless a case still needs it.',
    introOnRequest:
      'Porchlight keeps a copy of deliveries and their photos so that you can work offline. What is older than these periods is removed from this computer when you choose Remove expired data now, unless a case still needs it.',
    loading: 'Loading what is kept',
    readFailed: 'What is kept could not be read. {{reason}}',
    notSaved: 'The change was not saved. {{reason}}',
    photoDays: 'Keep photos for',
    recordDays: 'Keep delivery records for',
    removing: 'Removing…',
    removeNow: 'Remove expired data now',
    days_one: '{{count, number}} day',
    days_other: '{{count, number}} days',
    years_one: '{{count, number}} year',
    years_other: '{{count, number}} years',
    nothingYet: 'Nothing has been removed yet.',
    lastNothing: 'Last removal {{at}}: nothing had expired.',
    lastRemoved: 'Last removal {{at}}: {{photos}} and {{deliveries}} removed.',
    photos_one: '{{count, number}} photo',
    photos_other: '{{count, number}} photos',
    deliveries_one: '{{count, number}} delivery',
    deliveries_other: '{{count, number}} deliveries',
    cases_one: '{{count, number}} case',
    cases_other: '{{count, number}} cases',
    entries_one: '{{count, number}} entry',
    entries_other: '{{count, number}} entries',
  },
  kept: {
    caption: 'What is kept, for how long, and how much there is now',
    what: 'What',
    keptFor: 'Kept for',
    now: 'On this computer now',
    photos: 'Photos and thumbnails',
    photosFor: '{{period}} after they were taken; longer while a case on the delivery is open',
    records: 'Delivery records (names, addresses, contact details)',
    recordsFor: '{{period}} after delivery; longer while the delivery has a case',
    cases: 'Cases and your work on them',
    casesFor: 'As long as the delivery service keeps them',
    audit: 'Audit log of photo views and exports',
    auditFor: 'Always: it holds ids and times, no customer details',
    signIn: 'Your sign-in',
    signInFor: 'Until you sign out; protected by the operating system',
    none: '—',
    oldest: '{{amount}}, oldest from {{date}}',
    keptForOpenCases_one: '{{what}}; {{count, number}} is kept for open cases',
    keptForOpenCases_other: '{{what}}; {{count, number}} are kept for open cases',
    keptForCases_one: '{{what}}; {{count, number}} is kept for cases',
    keptForCases_other: '{{what}}; {{count, number}} are kept for cases',
  },
  support: {
    title: 'Support',
    copy: 'Copy diagnostics',
    copyHint:
      'Versions, settings, sync state and recent log lines for a support request. Your sign-in and customers’ details are never included.',
    copied: 'Diagnostics copied.',
    copiedWithLog:
      'Diagnostics copied. The full log (also without personal data) is at <0>{{file}}</0>.',
    notGathered: 'Diagnostics could not be gathered. {{reason}}',
    checkUpdates: 'Check for updates',
    readingUpdates: 'Reading the update status…',
    manualTitle: 'Copy the diagnostics',
    manualText: 'The clipboard could not be used. Select the text below and copy it.',
    manualField: 'Diagnostics',
  },
  update: {
    disabled: {
      demo: 'Updates are off in demo mode.',
      'not-installed': 'Updates are only checked by an installed Porchlight.',
      'no-feed': 'No update feed is configured for this installation.',
    },
    upToDate: 'Porchlight is up to date (checked {{at}}).',
    notChecked: 'Not checked yet.',
    checking: 'Checking for updates…',
    downloading: 'Version {{version}} is being downloaded.',
    ready: 'Version {{version}} is ready: it installs when Porchlight restarts.',
    failed: 'Porchlight could not check for updates. It tries again tomorrow.',
  },
  // What the core says: its refusals, map files' problems, and the checks of the two templates.
  problem: {
    filesOnlyInDesktop:
      'Files can be chosen only in the desktop app. Here, put .mbtiles files in {{folder}}.',
    notRemovable:
      'Only files chosen in this app can be removed here. Files in the maps folder are removed by taking them out of the folder; any file can be switched off.',
    linkNotWeb: 'Porchlight only opens web links (http or https) in your browser.',
    linksOnlyInDesktop: 'Opening links is only possible in the desktop app.',
  },
  mapFileProblem: {
    demoMissing: 'The demo basemap is missing from this installation.',
    gone: '{{file}} is no longer there. Choose it again, or remove it.',
    folderUnopenable: '{{file}} could not be opened.',
    notFound: '{{file}} could not be found.',
    notAdded: '{{file}} could not be added.',
    unreadable: '{{file}} could not be read.',
    cannotOpen: '{{file}} could not be opened. Check that the file is still there and readable.',
    notOpenable: '{{file}} could not be opened as an MBTiles file.',
    notSqlite: '{{file}} is not an MBTiles file: it is not an SQLite database.',
    notReadable: '{{file}} could not be read as an MBTiles file.',
    noTilesTable: '{{file}} is not an MBTiles file: it has no tiles table.',
    noMetadataTable: '{{file}} is not an MBTiles file: it has no metadata table.',
    tilesView:
      '{{file}} cannot be used: its tiles table is a view Porchlight does not accept. Only a real tiles table, or the standard view joining the map and images tables, is read.',
    tableIsView: '{{file}} cannot be used: its {{table}} table is a view, not a real table.',
    tableIsVirtual:
      '{{file}} cannot be used: its {{table}} table is a virtual table, not a real table.',
    computedColumns: '{{file}} cannot be used: its {{table}} table has computed columns.',
    missingColumns_one:
      '{{file}} is not an MBTiles file: its {{table}} table has no {{columns}} column.',
    missingColumns_other:
      '{{file}} is not an MBTiles file: its {{table}} table has no {{columns}} columns.',
    tilesUnreadable: '{{file}} has tiles Porchlight cannot read.',
    noIndex:
      '{{file}} cannot be used: its tiles have no index, so every tile would mean reading the whole file. Add the standard index (on zoom_level, tile_column, tile_row) with an MBTiles tool.',
    metadataUnreadable: '{{file}} has a metadata table Porchlight cannot read.',
    noFormat:
      '{{file}} does not say what its tiles are: its metadata has no format (png, jpg or webp).',
    vector:
      '{{file}} holds vector tiles (pbf). Porchlight shows raster maps only: png, jpg or webp tiles.',
    otherFormat:
      '{{file}} holds tiles in a format Porchlight cannot show ({{format}}). Use png, jpg or webp tiles.',
    noTiles: '{{file}} has no tiles.',
    zoomRange:
      '{{file}} has a broken zoom range: its minzoom ({{min, number}}) is above its maxzoom ({{max, number}}).',
  },
  template: {
    placeholderOnce:
      'The address must contain {{placeholder}} exactly once, for example {{example}}',
    unknownPlaceholder: 'The address has a placeholder Porchlight does not fill: {{placeholder}}',
    notWeb: 'That is not a web address.',
    noCredentials: 'The address must not contain a user name or password.',
    httpsOnly:
      'The address must start with https:// (plain http is allowed only for a server on this computer).',
    httpOrHttps: 'The address must start with https:// (or http://).',
    tooLong: 'The address can be at most {{max, number}} characters.',
    noSpaces: 'The address must not contain spaces.',
    needsHost: 'The address must name the help desk’s host, with {{placeholder}} after it.',
    attributionMissing: 'Say whose map it is: the server’s terms require the attribution.',
    attributionTooLong: 'The attribution can be at most {{max, number}} characters.',
    mapFileId: 'Not a map file id.',
  },
  erase: {
    personsWork_one: "{{name}}'s {{count, number}} unsent change",
    personsWork_other: "{{name}}'s {{count, number}} unsent changes",
    othersOnlySupervisor_one:
      "{{work}} has not reached the delivery service. Only a supervisor can erase someone else's unsent work: sign out without erasing, and it is sent when they sign in here again.",
    othersOnlySupervisor_other:
      "{{work}} have not reached the delivery service. Only a supervisor can erase someone else's unsent work: sign out without erasing, and it is sent when they sign in here again.",
    othersConfirm_one:
      '{{work}} has not reached the delivery service yet. Erasing the local data loses it: confirm that you want that (it is recorded in the audit log under your name), or sign out without erasing.',
    othersConfirm_other:
      '{{work}} have not reached the delivery service yet. Erasing the local data loses it: confirm that you want that (it is recorded in the audit log under your name), or sign out without erasing.',
    mineConfirm_one:
      'One change has not reached the delivery service yet. Erasing the local data loses it: confirm that you want that, or sign out without erasing.',
    mineConfirm_other:
      '{{count, number}} changes have not reached the delivery service yet. Erasing the local data loses them: confirm that you want that, or sign out without erasing.',
  },
  purgedPhoto_one:
    'Not kept on this computer: photos older than {{count, number}} day are removed unless a case on the delivery is open. It is fetched again if one is opened.',
  purgedPhoto_other:
    'Not kept on this computer: photos older than {{count, number}} days are removed unless a case on the delivery is open. It is fetched again if one is opened.',
} as const
