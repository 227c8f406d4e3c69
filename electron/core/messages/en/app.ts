// English words of the app namespace (see catalogue.ts): the window's frame (app bar, navigation,
// keyboard shortcuts, the update notice, the cache's health), the small parts every screen shares
// (src/ui, src/words, src/navigation) and the renderer's own words for a failed call (src/api).
export const app = {
  name: 'Porchlight',
  start: {
    starting: 'Starting Porchlight…',
    failed: 'Porchlight could not start',
  },
  nav: {
    label: 'Main',
    search: 'Search',
    searchHint: 'Search ({{shortcut}})',
    reports: 'Reports',
    syncReport: 'Sync report',
    settings: 'Settings',
    expand: 'Show the navigation’s labels',
    collapse: 'Collapse the navigation to icons',
  },
  loading: {
    cases: 'Loading the cases',
    case: 'Loading the case',
    syncReport: 'Loading the sync report',
    settings: 'Loading the settings',
  },
  keys: {
    /** A shortcut with the command key: "Ctrl+K" (Windows, Linux). */
    ctrl: 'Ctrl+{{key}}',
    /** The same on macOS: "⌘K". */
    command: '⌘{{key}}',
    enter: 'Enter',
    esc: 'Esc',
    shiftR: 'Shift+R',
    arrows: '← ↑ → ↓',
  },
  shortcuts: {
    title: 'Keyboard shortcuts',
    intro:
      'Single-key shortcuts work when you are not typing in a box. Press <0>?</0> to see this list again.',
    or: 'or',
    anywhere: 'Anywhere',
    lists: 'Lists (search results, cases)',
    aCase: 'A case',
    aDelivery: 'A delivery',
    search: 'Search deliveries',
    showShortcuts: 'Show these keyboard shortcuts',
    escape: 'Close a dialog, or go back from a delivery or a case',
    nextRow: 'Next row',
    previousRow: 'Previous row',
    openRow: 'Open the selected row',
    writeNote: 'Write a note',
    addNote: 'Add the note you are writing',
    resolve: 'Resolve the case',
    assignToMe: 'Assign the case to me',
    ticket: 'Add or change the help-desk ticket',
    zoomIn: 'Zoom in on the photo',
    zoomOut: 'Zoom out',
    fit: 'Fit the photo to the panel',
    rotateRight: 'Rotate right',
    rotateLeft: 'Rotate left',
    fullScreen: 'Full screen (Esc leaves it)',
    pan: 'Move around a zoomed photo',
    otherPhoto: 'Previous or next photo, in the photo strip',
    openCase: 'Open a case on this delivery',
  },
  update: {
    ready:
      'Porchlight {{version}} is ready. Your work is saved; restart to use it, or it installs when you next quit.',
    later: 'Later',
    restart: 'Restart now',
  },
  cache: {
    replacedTitle: 'Porchlight replaced its damaged cache',
    changesLost_one:
      '{{count, number}} case change you had not yet sent could not be saved. Please make it again.',
    changesLost_other:
      '{{count, number}} case changes you had not yet sent could not be saved. Please make them again.',
    ok: 'OK',
    damagedTitle: 'Porchlight needs to recover its local cache',
    recovering: 'Recovering the local cache… this can take a minute.',
    recoverNow: 'Recover now',
  },
  person: {
    you: 'You',
    youTitle: '{{name}}, id {{id}}',
    idTitle: 'id {{id}}',
    unassigned: 'Unassigned',
  },
  copy: {
    failed: 'The clipboard could not be used',
    link: 'Copy link',
    linkCopied: 'Link copied',
    linkToCase: 'Copy a link to this case for a ticket',
    linkToDelivery: 'Copy a link to this delivery for a ticket',
  },
  ticket: {
    label: 'Ticket number',
    hintWithAddress: 'The ticket’s number, or its address pasted from the help desk.',
    hint: 'The number of the help-desk ticket this case is worked from, for example 4521.',
    notATicket: 'That is not a ticket number.',
  },
  time: {
    deliveryLocal: 'Local time at the address. Your time: {{time}}',
    deliveryNoZone: 'Your time (the address has no position to tell its own): {{time}}',
  },
  audience: {
    internal: 'Internal note',
    customer: 'Reply to the customer',
    tagInternal: 'Internal',
    tagCustomer: 'Customer reply',
  },
  firstAction: {
    done: 'First action done',
    dueIn: 'due in {{time}}',
    overdueBy: 'overdue by {{time}}',
  },
  othersWaiting: {
    onePerson_one: '{{count, number}} change by {{name}} waits for {{firstName}} to sign in',
    onePerson_other: '{{count, number}} changes by {{name}} wait for {{firstName}} to sign in',
    people_one:
      '{{count, number}} change by {{people, number}} other people waits for them to sign in',
    people_other:
      '{{count, number}} changes by {{people, number}} other people wait for them to sign in',
  },
  caseSort: {
    oldest: 'Oldest first',
    newest: 'Newest first',
    due: 'First action due, soonest first',
    dueDesc: 'First action due, latest first',
    status: 'Status, open first',
    statusDesc: 'Status, resolved first',
    assignee: 'Assignee, A to Z',
    assigneeDesc: 'Assignee, Z to A',
  },
  caseAge: {
    any: 'Any age',
    hours_one: '{{count, number}} hour or more',
    hours_other: '{{count, number}} hours or more',
    days_one: '{{count, number}} day or more',
    days_other: '{{count, number}} days or more',
    weeks_one: '{{count, number}} week or more',
    weeks_other: '{{count, number}} weeks or more',
  },
  error: {
    generic: 'Something went wrong. Please try again.',
    unreachable:
      'Porchlight is not reachable. Check that the porchlight command is still running, then try again.',
    notConnected:
      'This page is not connected to Porchlight. Open it again from the link the porchlight command printed.',
    httpStatus: 'Porchlight could not complete the request (HTTP {{status}}).',
    unreadable: 'Porchlight sent an unreadable answer to {{call}}.',
    notReadable:
      'Porchlight returned an answer this screen cannot read ({{call}}). Restart Porchlight; if it happens again, report it.',
    invalidRequest: 'That request is not valid.',
  },
} as const
