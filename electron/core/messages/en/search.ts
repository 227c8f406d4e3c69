// English words of the search namespace (see catalogue.ts): the search screen, its box and filters,
// its results, and the cases found by a help-desk ticket.
//
// The filters make four variants of a sentence (none, away, reused, both): each is a whole
// sentence of its own, never a phrase glued into another.
export const search = {
  box: {
    heading: 'Search deliveries',
    label: 'Search deliveries',
    placeholder: 'Order id, tracking number, customer name, email, phone or street',
    searching: 'Searching',
    awayOnly: 'Only delivered away from the address',
    reusedOnly: 'Only with a reused photo',
    hint: 'Press <0>{{shortcut}}</0> from anywhere to come back here. Use ↑ and ↓ to choose a result and Enter to open it.',
  },
  empty: {
    title: 'Find a delivery',
    body: 'Start typing an order id, tracking number, customer name, email address, phone number or street. Results appear as you type, newest first.',
  },
  /** The status line over the results. */
  results: {
    matches: {
      none_one: '{{count, number}} delivery matches “<0>{{query}}</0>”.',
      none_other: '{{count, number}} deliveries match “<0>{{query}}</0>”.',
      away_one:
        '{{count, number}} delivery matches “<0>{{query}}</0>”, delivered away from the address.',
      away_other:
        '{{count, number}} deliveries match “<0>{{query}}</0>”, delivered away from the address.',
      reused_one: '{{count, number}} delivery matches “<0>{{query}}</0>”, with a reused photo.',
      reused_other: '{{count, number}} deliveries match “<0>{{query}}</0>”, with a reused photo.',
      both_one:
        '{{count, number}} delivery matches “<0>{{query}}</0>”, delivered away from the address and with a reused photo.',
      both_other:
        '{{count, number}} deliveries match “<0>{{query}}</0>”, delivered away from the address and with a reused photo.',
    },
    newestMatches: {
      none: 'Showing the {{n, number}} newest matches for “<0>{{query}}</0>”. Add more words to narrow the search.',
      away: 'Showing the {{n, number}} newest matches for “<0>{{query}}</0>” delivered away from the address. Add more words to narrow the search.',
      reused:
        'Showing the {{n, number}} newest matches for “<0>{{query}}</0>” with a reused photo. Add more words to narrow the search.',
      both: 'Showing the {{n, number}} newest matches for “<0>{{query}}</0>” delivered away from the address and with a reused photo. Add more words to narrow the search.',
    },
    /** With no query, a filter alone lists deliveries. */
    filtered: {
      away_one: '{{count, number}} delivery delivered away from the address.',
      away_other: '{{count, number}} deliveries delivered away from the address.',
      reused_one: '{{count, number}} delivery with a reused photo.',
      reused_other: '{{count, number}} deliveries with a reused photo.',
      both_one:
        '{{count, number}} delivery delivered away from the address and with a reused photo.',
      both_other:
        '{{count, number}} deliveries delivered away from the address and with a reused photo.',
    },
    newestFiltered: {
      away: 'Showing the {{n, number}} newest deliveries delivered away from the address. Type to narrow them down.',
      reused:
        'Showing the {{n, number}} newest deliveries with a reused photo. Type to narrow them down.',
      both: 'Showing the {{n, number}} newest deliveries delivered away from the address and with a reused photo. Type to narrow them down.',
    },
    /** The results table's name: the question it answers. */
    tableLabel: {
      none: 'Search results for {{query}}',
      away: 'Search results for {{query}}, delivered away from the address',
      reused: 'Search results for {{query}}, with a reused photo',
      both: 'Search results for {{query}}, delivered away from the address and with a reused photo',
    },
    tableLabelFiltered: {
      away: 'Deliveries delivered away from the address',
      reused: 'Deliveries with a reused photo',
      both: 'Deliveries delivered away from the address and with a reused photo',
    },
    failed: 'The search could not be completed. {{reason}}',
    retry: 'Retry',
    linkRefused: 'This Porchlight link cannot be opened. {{reason}}',
  },
  noMatches: {
    title: {
      none: 'No deliveries match “<0>{{query}}</0>”',
      away: 'No deliveries delivered away from the address match “<0>{{query}}</0>”',
      reused: 'No deliveries with a reused photo match “<0>{{query}}</0>”',
      both: 'No deliveries delivered away from the address and with a reused photo match “<0>{{query}}</0>”',
    },
    titleFiltered: {
      away: 'No deliveries delivered away from the address',
      reused: 'No deliveries with a reused photo',
      both: 'No deliveries delivered away from the address and with a reused photo',
    },
    emptyCopy: 'The local copy is still empty. Deliveries appear here after the first sync.',
    noneAway:
      'No drop-off or photo in the local copy is farther from its address than the threshold in Settings allows.',
    noneReused:
      'No photo in the local copy also appears at another address or on an earlier delivery.',
    checkSpelling:
      'Check the spelling, or try the order id or tracking number. Porchlight searches the local copy.',
    checkSpellingCounted_one:
      'Check the spelling, or try the order id or tracking number. Porchlight searches the {{count, number}} delivery in the local copy.',
    checkSpellingCounted_other:
      'Check the spelling, or try the order id or tracking number. Porchlight searches the {{count, number}} deliveries in the local copy.',
    checkSpellingFilters:
      'Check the spelling, or try the order id or tracking number, or clear the filters. Porchlight searches the local copy.',
    checkSpellingFiltersCounted_one:
      'Check the spelling, or try the order id or tracking number, or clear the filters. Porchlight searches the {{count, number}} delivery in the local copy.',
    checkSpellingFiltersCounted_other:
      'Check the spelling, or try the order id or tracking number, or clear the filters. Porchlight searches the {{count, number}} deliveries in the local copy.',
  },
  table: {
    order: 'Order',
    tracking: 'Tracking',
    customer: 'Customer',
    street: 'Street',
    city: 'City',
    delivered: 'Delivered',
    photo: 'Photo',
    location: 'Location',
  },
  row: {
    openOrder: 'Open order {{orderId}}',
    notDelivered: 'Not delivered',
    case: 'Case: {{status}}',
    photoWithheld: 'Withheld',
    photoYes: 'Yes',
    photoNo: 'No',
    away: 'Away',
    awayHint: 'The drop-off or a photo is farther from the address than the threshold allows',
    reused: 'Photo reused',
    reusedHint: 'A photo of it also appears at another address or on an earlier delivery',
    /** The row's name for a screen reader: these parts, in this order, joined by `separator`. */
    name: {
      order: 'Order {{orderId}}',
      customer: '{{customer}}',
      tracking: 'tracking {{tracking}}',
      address: '{{street}}, {{city}}',
      delivered: 'delivered {{when}}',
      notDelivered: 'not delivered',
      photoWithheld: 'photo: withheld',
      photoYes: 'photo: yes',
      photoNo: 'photo: no',
      away: 'delivered away from the address',
      reused: 'photo reused',
      case: 'case: {{status}}',
      separator: ', ',
    },
  },
  /** Why a porchlight:// link cannot be opened (pasted into the search box, or opened by the shell). */
  link: {
    tooLong: 'The link is longer than {{max, number}} characters.',
    notALink: 'This is not a Porchlight link.',
    unsafe: 'The link holds spaces or invisible characters.',
    noSlashes: 'A Porchlight link starts with {{start}}.',
    query: 'A Porchlight link has no ? or # part.',
    escapes: 'A Porchlight link has no %-escapes.',
    neither: 'A Porchlight link opens a delivery or a case, and this one names neither.',
    noCase: 'The link names no case.',
    noDelivery: 'The link names no order or tracking number.',
    tooManyParts: 'The link has more parts than a Porchlight link has.',
    badCaseId: 'The case id in the link is not a Porchlight case id.',
    badDeliveryKey:
      'The order or tracking number in the link is not one: up to {{max, number}} letters, digits, dots, dashes and underscores.',
  },
  ticket: {
    noCase:
      'No case in this copy carries ticket <0>{{ticket}}</0>. Search for the order or the customer the ticket names, and open a case with the ticket.',
    heading_one: 'Case with ticket <0>{{ticket}}</0>',
    heading_other: 'Cases with ticket <0>{{ticket}}</0>',
    caseLink: 'Case on order <0>{{orderId}}</0>',
    caseLine: '· <0>{{customer}}</0> · {{status}} · opened {{opened}}',
    caseLineNoCustomer: '· customer not in the local copy · {{status}} · opened {{opened}}',
    notOfHelpDesk:
      'This web address is not a ticket of your help desk, as Settings › Help desk gives it. Search for an order id, tracking number, customer or ticket number instead.',
    setTicketAddress:
      'To find a case from a ticket’s web address, set your help desk’s ticket address in Settings › Help desk. Search for an order id, tracking number, customer or ticket number instead.',
  },
} as const
