// Spanish words of the app namespace (see en/app.ts).
import type { Translation } from '../catalogue.ts'
import type { app as english } from '../en/app.ts'

export const app = {
  name: 'Porchlight',
  start: {
    starting: 'Iniciando Porchlight…',
    failed: 'Porchlight no pudo iniciarse',
  },
  nav: {
    label: 'Principal',
    search: 'Buscar',
    searchHint: 'Buscar ({{shortcut}})',
    reports: 'Informes',
    syncReport: 'Informe de sincronización',
    settings: 'Ajustes',
    expand: 'Mostrar los nombres de la navegación',
    collapse: 'Reducir la navegación a iconos',
  },
  loading: {
    cases: 'Cargando los casos',
    case: 'Cargando el caso',
    syncReport: 'Cargando el informe de sincronización',
    settings: 'Cargando los ajustes',
  },
  keys: {
    ctrl: 'Ctrl+{{key}}',
    command: '⌘{{key}}',
    enter: 'Intro',
    esc: 'Esc',
    shiftR: 'Mayús+R',
    arrows: '← ↑ → ↓',
  },
  shortcuts: {
    title: 'Atajos de teclado',
    intro:
      'Los atajos de una sola tecla funcionan cuando no está escribiendo en un campo. Pulse <0>?</0> para volver a ver esta lista.',
    or: 'o',
    anywhere: 'En cualquier lugar',
    lists: 'Listas (resultados de búsqueda, casos)',
    aCase: 'Un caso',
    aDelivery: 'Una entrega',
    search: 'Buscar entregas',
    showShortcuts: 'Mostrar estos atajos de teclado',
    escape: 'Cerrar un diálogo, o volver desde una entrega o un caso',
    nextRow: 'Fila siguiente',
    previousRow: 'Fila anterior',
    openRow: 'Abrir la fila seleccionada',
    writeNote: 'Escribir una nota',
    addNote: 'Añadir la nota que está escribiendo',
    resolve: 'Resolver el caso',
    assignToMe: 'Asignarme el caso',
    ticket: 'Añadir o cambiar el ticket de la mesa de ayuda',
    zoomIn: 'Acercar la foto',
    zoomOut: 'Alejar',
    fit: 'Ajustar la foto al panel',
    rotateRight: 'Girar a la derecha',
    rotateLeft: 'Girar a la izquierda',
    fullScreen: 'Pantalla completa (Esc sale)',
    pan: 'Moverse por una foto ampliada',
    otherPhoto: 'Foto anterior o siguiente, en la tira de fotos',
    openCase: 'Abrir un caso sobre esta entrega',
  },
  update: {
    ready:
      'Porchlight {{version}} está listo. Su trabajo está guardado; reinicie para usarlo, o se instalará la próxima vez que salga.',
    later: 'Más tarde',
    restart: 'Reiniciar ahora',
  },
  cache: {
    replacedTitle: 'Porchlight sustituyó su caché dañada',
    changesLost_one:
      '{{count, number}} cambio de un caso que aún no había enviado no se pudo guardar. Vuelva a hacerlo, por favor.',
    changesLost_other:
      '{{count, number}} cambios de casos que aún no había enviado no se pudieron guardar. Vuelva a hacerlos, por favor.',
    ok: 'Aceptar',
    damagedTitle: 'Porchlight necesita recuperar su caché local',
    recovering: 'Recuperando la caché local… puede tardar un minuto.',
    recoverNow: 'Recuperar ahora',
  },
  person: {
    you: 'Usted',
    youTitle: '{{name}}, id {{id}}',
    idTitle: 'id {{id}}',
    unassigned: 'Sin asignar',
  },
  copy: {
    failed: 'No se pudo usar el portapapeles',
    link: 'Copiar enlace',
    linkCopied: 'Enlace copiado',
    linkToCase: 'Copiar un enlace a este caso para un ticket',
    linkToDelivery: 'Copiar un enlace a esta entrega para un ticket',
  },
  ticket: {
    label: 'Número de ticket',
    hintWithAddress: 'El número del ticket, o su dirección pegada desde la mesa de ayuda.',
    hint: 'El número del ticket de la mesa de ayuda desde el que se trabaja este caso, por ejemplo 4521.',
    notATicket: 'Eso no es un número de ticket.',
  },
  time: {
    deliveryLocal: 'Hora local en la dirección. Su hora: {{time}}',
    deliveryNoZone: 'Su hora (la dirección no tiene posición para saber la suya): {{time}}',
  },
  audience: {
    internal: 'Nota interna',
    customer: 'Respuesta al cliente',
    tagInternal: 'Interna',
    tagCustomer: 'Respuesta al cliente',
  },
  firstAction: {
    done: 'Primera acción hecha',
    dueIn: 'vence en {{time}}',
    overdueBy: 'vencido hace {{time}}',
  },
  othersWaiting: {
    onePerson_one: '{{count, number}} cambio de {{name}} espera a que {{firstName}} inicie sesión',
    onePerson_other:
      '{{count, number}} cambios de {{name}} esperan a que {{firstName}} inicie sesión',
    people_one:
      '{{count, number}} cambio de {{people, number}} personas más espera a que inicien sesión',
    people_other:
      '{{count, number}} cambios de {{people, number}} personas más esperan a que inicien sesión',
  },
  caseSort: {
    oldest: 'Más antiguos primero',
    newest: 'Más recientes primero',
    due: 'Vencimiento de la primera acción, el más próximo primero',
    dueDesc: 'Vencimiento de la primera acción, el más lejano primero',
    status: 'Estado, abiertos primero',
    statusDesc: 'Estado, resueltos primero',
    assignee: 'Responsable, de la A a la Z',
    assigneeDesc: 'Responsable, de la Z a la A',
  },
  caseAge: {
    any: 'Cualquier antigüedad',
    hours_one: '{{count, number}} hora o más',
    hours_other: '{{count, number}} horas o más',
    days_one: '{{count, number}} día o más',
    days_other: '{{count, number}} días o más',
    weeks_one: '{{count, number}} semana o más',
    weeks_other: '{{count, number}} semanas o más',
  },
  error: {
    generic: 'Algo salió mal. Inténtelo de nuevo.',
    unreachable:
      'No se puede contactar con Porchlight. Compruebe que el comando porchlight sigue en marcha y vuelva a intentarlo.',
    notConnected:
      'Esta página no está conectada a Porchlight. Ábrala de nuevo desde el enlace que mostró el comando porchlight.',
    httpStatus: 'Porchlight no pudo completar la solicitud (HTTP {{status}}).',
    unreadable: 'Porchlight envió una respuesta ilegible a {{call}}.',
    notReadable:
      'Porchlight devolvió una respuesta que esta pantalla no puede leer ({{call}}). Reinicie Porchlight; si vuelve a ocurrir, infórmelo.',
    invalidRequest: 'Esa solicitud no es válida.',
  },
} as const satisfies Translation<typeof english>
