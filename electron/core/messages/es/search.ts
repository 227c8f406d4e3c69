// Spanish words of the search namespace (see en/search.ts).
import type { Translation } from '../translation.ts'
import type { search as english } from '../en/search.ts'

export const search = {
  box: {
    heading: 'Buscar entregas',
    label: 'Buscar entregas',
    placeholder: 'Pedido, número de seguimiento, cliente, correo, teléfono o calle',
    searching: 'Buscando',
    awayOnly: 'Solo entregadas lejos de la dirección',
    reusedOnly: 'Solo con una foto reutilizada',
    hint: 'Pulse <0>{{shortcut}}</0> desde cualquier lugar para volver aquí. Use ↑ y ↓ para elegir un resultado e Intro para abrirlo.',
  },
  empty: {
    title: 'Busque una entrega',
    body: 'Escriba un número de pedido, número de seguimiento, nombre del cliente, correo electrónico, teléfono o calle. Los resultados aparecen mientras escribe, los más recientes primero.',
  },
  results: {
    matches: {
      none_one: '{{count, number}} entrega coincide con «<0>{{query}}</0>».',
      none_other: '{{count, number}} entregas coinciden con «<0>{{query}}</0>».',
      away_one:
        '{{count, number}} entrega coincide con «<0>{{query}}</0>», entregada lejos de la dirección.',
      away_other:
        '{{count, number}} entregas coinciden con «<0>{{query}}</0>», entregadas lejos de la dirección.',
      reused_one:
        '{{count, number}} entrega coincide con «<0>{{query}}</0>», con una foto reutilizada.',
      reused_other:
        '{{count, number}} entregas coinciden con «<0>{{query}}</0>», con una foto reutilizada.',
      both_one:
        '{{count, number}} entrega coincide con «<0>{{query}}</0>», entregada lejos de la dirección y con una foto reutilizada.',
      both_other:
        '{{count, number}} entregas coinciden con «<0>{{query}}</0>», entregadas lejos de la dirección y con una foto reutilizada.',
    },
    newestMatches: {
      none: 'Se muestran las {{n, number}} coincidencias más recientes con «<0>{{query}}</0>». Añada más palabras para acotar la búsqueda.',
      away: 'Se muestran las {{n, number}} coincidencias más recientes con «<0>{{query}}</0>» entregadas lejos de la dirección. Añada más palabras para acotar la búsqueda.',
      reused:
        'Se muestran las {{n, number}} coincidencias más recientes con «<0>{{query}}</0>» con una foto reutilizada. Añada más palabras para acotar la búsqueda.',
      both: 'Se muestran las {{n, number}} coincidencias más recientes con «<0>{{query}}</0>» entregadas lejos de la dirección y con una foto reutilizada. Añada más palabras para acotar la búsqueda.',
    },
    filtered: {
      away_one: '{{count, number}} entrega realizada lejos de la dirección.',
      away_other: '{{count, number}} entregas realizadas lejos de la dirección.',
      reused_one: '{{count, number}} entrega con una foto reutilizada.',
      reused_other: '{{count, number}} entregas con una foto reutilizada.',
      both_one:
        '{{count, number}} entrega realizada lejos de la dirección y con una foto reutilizada.',
      both_other:
        '{{count, number}} entregas realizadas lejos de la dirección y con una foto reutilizada.',
    },
    newestFiltered: {
      away: 'Se muestran las {{n, number}} entregas más recientes realizadas lejos de la dirección. Escriba para acotarlas.',
      reused:
        'Se muestran las {{n, number}} entregas más recientes con una foto reutilizada. Escriba para acotarlas.',
      both: 'Se muestran las {{n, number}} entregas más recientes realizadas lejos de la dirección y con una foto reutilizada. Escriba para acotarlas.',
    },
    tableLabel: {
      none: 'Resultados de la búsqueda de {{query}}',
      away: 'Resultados de la búsqueda de {{query}}, entregadas lejos de la dirección',
      reused: 'Resultados de la búsqueda de {{query}}, con una foto reutilizada',
      both: 'Resultados de la búsqueda de {{query}}, entregadas lejos de la dirección y con una foto reutilizada',
    },
    tableLabelFiltered: {
      away: 'Entregas realizadas lejos de la dirección',
      reused: 'Entregas con una foto reutilizada',
      both: 'Entregas realizadas lejos de la dirección y con una foto reutilizada',
    },
    failed: 'No se pudo completar la búsqueda. {{reason}}',
    retry: 'Reintentar',
    linkRefused: 'Este enlace de Porchlight no se puede abrir. {{reason}}',
  },
  noMatches: {
    title: {
      none: 'Ninguna entrega coincide con «<0>{{query}}</0>»',
      away: 'Ninguna entrega realizada lejos de la dirección coincide con «<0>{{query}}</0>»',
      reused: 'Ninguna entrega con una foto reutilizada coincide con «<0>{{query}}</0>»',
      both: 'Ninguna entrega realizada lejos de la dirección y con una foto reutilizada coincide con «<0>{{query}}</0>»',
    },
    titleFiltered: {
      away: 'No hay entregas realizadas lejos de la dirección',
      reused: 'No hay entregas con una foto reutilizada',
      both: 'No hay entregas realizadas lejos de la dirección y con una foto reutilizada',
    },
    emptyCopy:
      'La copia local todavía está vacía. Las entregas aparecen aquí después de la primera sincronización.',
    noneAway:
      'Ningún punto de entrega ni ninguna foto de la copia local está más lejos de su dirección de lo que permite el umbral de Ajustes.',
    noneReused:
      'Ninguna foto de la copia local aparece también en otra dirección o en una entrega anterior.',
    checkSpelling:
      'Revise la ortografía o pruebe con el número de pedido o de seguimiento. Porchlight busca en la copia local.',
    checkSpellingCounted_one:
      'Revise la ortografía o pruebe con el número de pedido o de seguimiento. Porchlight busca en la {{count, number}} entrega de la copia local.',
    checkSpellingCounted_other:
      'Revise la ortografía o pruebe con el número de pedido o de seguimiento. Porchlight busca en las {{count, number}} entregas de la copia local.',
    checkSpellingFilters:
      'Revise la ortografía, pruebe con el número de pedido o de seguimiento, o quite los filtros. Porchlight busca en la copia local.',
    checkSpellingFiltersCounted_one:
      'Revise la ortografía, pruebe con el número de pedido o de seguimiento, o quite los filtros. Porchlight busca en la {{count, number}} entrega de la copia local.',
    checkSpellingFiltersCounted_other:
      'Revise la ortografía, pruebe con el número de pedido o de seguimiento, o quite los filtros. Porchlight busca en las {{count, number}} entregas de la copia local.',
  },
  table: {
    order: 'Pedido',
    tracking: 'Seguimiento',
    customer: 'Cliente',
    street: 'Calle',
    city: 'Ciudad',
    delivered: 'Entregado',
    photo: 'Foto',
    location: 'Ubicación',
  },
  row: {
    openOrder: 'Abrir el pedido {{orderId}}',
    notDelivered: 'No entregado',
    case: 'Caso: {{status}}',
    photoWithheld: 'Retenida',
    photoYes: 'Sí',
    photoNo: 'No',
    away: 'Lejos',
    awayHint:
      'El punto de entrega o una foto está más lejos de la dirección de lo que permite el umbral',
    reused: 'Foto reutilizada',
    reusedHint: 'Una de sus fotos aparece también en otra dirección o en una entrega anterior',
    name: {
      order: 'Pedido {{orderId}}',
      customer: '{{customer}}',
      tracking: 'seguimiento {{tracking}}',
      address: '{{street}}, {{city}}',
      delivered: 'entregado el {{when}}',
      notDelivered: 'no entregado',
      photoWithheld: 'foto: retenida',
      photoYes: 'foto: sí',
      photoNo: 'foto: no',
      away: 'entregado lejos de la dirección',
      reused: 'foto reutilizada',
      case: 'caso: {{status}}',
      separator: ', ',
    },
  },
  link: {
    tooLong: 'El enlace tiene más de {{max, number}} caracteres.',
    notALink: 'No es un enlace de Porchlight.',
    unsafe: 'El enlace contiene espacios o caracteres invisibles.',
    noSlashes: 'Un enlace de Porchlight empieza por {{start}}.',
    query: 'Un enlace de Porchlight no tiene parte con ? ni con #.',
    escapes: 'Un enlace de Porchlight no lleva códigos con %.',
    neither:
      'Un enlace de Porchlight abre una entrega o un caso, y este no nombra ninguno de los dos.',
    noCase: 'El enlace no nombra ningún caso.',
    noDelivery: 'El enlace no nombra ningún pedido ni número de seguimiento.',
    tooManyParts: 'El enlace tiene más partes que un enlace de Porchlight.',
    badCaseId: 'El identificador de caso del enlace no es un identificador de caso de Porchlight.',
    badDeliveryKey:
      'El pedido o número de seguimiento del enlace no es válido: hasta {{max, number}} letras, cifras, puntos, guiones y guiones bajos.',
  },
  ticket: {
    noCase:
      'Ningún caso de esta copia lleva el ticket <0>{{ticket}}</0>. Busque el pedido o el cliente que nombra el ticket y abra un caso con el ticket.',
    heading_one: 'Caso con el ticket <0>{{ticket}}</0>',
    heading_other: 'Casos con el ticket <0>{{ticket}}</0>',
    caseLink: 'Caso del pedido <0>{{orderId}}</0>',
    caseLine: '· <0>{{customer}}</0> · {{status}} · abierto el {{opened}}',
    caseLineNoCustomer:
      '· cliente que no está en la copia local · {{status}} · abierto el {{opened}}',
    notOfHelpDesk:
      'Esta dirección web no es un ticket de su mesa de ayuda, tal como la define Ajustes › Mesa de ayuda. Busque un número de pedido, número de seguimiento, cliente o número de ticket.',
    setTicketAddress:
      'Para encontrar un caso a partir de la dirección web de un ticket, indique la dirección de los tickets de su mesa de ayuda en Ajustes › Mesa de ayuda. Busque un número de pedido, número de seguimiento, cliente o número de ticket.',
  },
} as const satisfies Translation<typeof english>
