// Spanish words of the shell namespace (see en/shell.ts).
import type { Translation } from '../translation.ts'
import type { shell as english } from '../en/shell.ts'

export const shell = {
  menu: {
    file: '&Archivo',
    edit: '&Edición',
    view: '&Ver',
    window: 'Ve&ntana',
    help: 'Ay&uda',
    about: 'Acerca de Porchlight',
    settings: 'Ajustes',
    settingsMac: 'Ajustes…',
    services: 'Servicios',
    hide: 'Ocultar Porchlight',
    hideOthers: 'Ocultar otros',
    unhide: 'Mostrar todo',
    quit: 'Salir de Porchlight',
    exit: '&Salir',
    closeWindow: 'Cerrar ventana',
    syncNow: 'Sincronizar ahora',
    undo: 'Deshacer',
    redo: 'Rehacer',
    cut: 'Cortar',
    copy: 'Copiar',
    paste: 'Pegar',
    pasteAndMatchStyle: 'Pegar con el mismo estilo',
    delete: 'Eliminar',
    selectAll: 'Seleccionar todo',
    searchDeliveries: 'Buscar entregas',
    cases: 'Casos',
    syncReport: 'Informe de sincronización',
    actualSize: 'Tamaño real',
    zoomIn: 'Acercar',
    zoomOut: 'Alejar',
    fullScreen: 'Pantalla completa',
    reload: 'Volver a cargar',
    developerTools: 'Herramientas de desarrollo',
    minimize: 'Minimizar',
    zoom: 'Zoom',
    bringAllToFront: 'Traer todo al frente',
    shortcuts: 'Atajos de teclado',
    reportProblem: 'Informar de un problema…',
  },
  syncNews: {
    backOnline: 'De nuevo con conexión',
    decisionTitle_one: 'Un cambio necesita su decisión',
    decisionTitle_other: 'Hay cambios que necesitan su decisión',
    sent_one: 'Se envió el cambio que hizo sin conexión.',
    sent_other: 'Se enviaron los {{count, number}} cambios que hizo sin conexión.',
    conflicts_one: 'Un cambio necesita su decisión: su caso cambió en el servicio.',
    conflicts_other:
      '{{count, number}} cambios necesitan su decisión: sus casos cambiaron en el servicio.',
  },
  otherService: {
    title: 'Los datos de este equipo vienen de otro servicio de entregas',
    titleUnconfirmed:
      'Porchlight no puede saber si este es el servicio de entregas del que vienen sus datos',
    filledFrom:
      'Los datos de Porchlight en {{dir}} se llenaron desde el servicio de entregas en {{from}}, no desde {{asked}}.',
    filledFromUnconfirmed:
      'Los datos de Porchlight en {{dir}} se llenaron desde el servicio de entregas en {{from}}. No se puede contactar con el servicio en {{asked}} para confirmar que es el mismo.',
    stillHolds_one: 'Aún contienen {{count, number}} cambio de caso sin enviar a {{url}}.',
    stillHolds_other: 'Aún contienen {{count, number}} cambios de casos sin enviar a {{url}}.',
    keptApart:
      'Porchlight mantiene separados los datos de cada servicio de entregas y nunca los mezcla. Puede iniciar una caché aparte para {{asked}}: los datos de {{from}} se quedan en este equipo tal como están y se vuelven a usar cuando Porchlight se inicie para {{from}}.',
    keptApartUnsent_one:
      'Porchlight mantiene separados los datos de cada servicio de entregas y nunca los mezcla. Puede iniciar una caché aparte para {{asked}}: los datos de {{from}} se quedan en este equipo tal como están, con su {{count, number}} cambio de caso sin enviar, y se vuelven a usar cuando Porchlight se inicie para {{from}}.',
    keptApartUnsent_other:
      'Porchlight mantiene separados los datos de cada servicio de entregas y nunca los mezcla. Puede iniciar una caché aparte para {{asked}}: los datos de {{from}} se quedan en este equipo tal como están, con sus {{count, number}} cambios de casos sin enviar, y se vuelven a usar cuando Porchlight se inicie para {{from}}.',
    orQuit: 'O salga, e inicie Porchlight para {{from}}.',
    orQuitUnconfirmed:
      'O salga, e inicie Porchlight para {{from}} cuando se pueda contactar con él.',
    startSeparate: 'Iniciar una caché aparte para {{asked}}',
    quit: 'Salir',
  },
  saveExport: {
    title: 'Guardar el informe de casos',
    button: 'Exportar',
    csv: 'CSV (valores separados por comas)',
    xlsx: 'Libro de Excel',
    pdf: 'Documento PDF',
    png: 'Imagen PNG',
  },
  mapFile: {
    title: 'Añadir un archivo de mapa',
    button: 'Añadir mapa',
    files: 'Archivos de mapa MBTiles',
  },
  reportProblem: {
    title: 'Guardar un informe de problema',
    button: 'Guardar informe',
    files: 'Texto',
    failed: 'No se pudo guardar el informe de problema.',
  },
  link: {
    refused: 'Porchlight no puede abrir este enlace.',
    looksLike:
      '{{reason}} Los enlaces de Porchlight tienen la forma {{scheme}}://delivery/<pedido o número de seguimiento> o {{scheme}}://case/<id del caso>.',
  },
  startFailed: 'Porchlight no pudo iniciarse. Los detalles están en el registro.',
  ok: 'Aceptar',
  tokenStore: {
    notice:
      'Este equipo no ofrece almacenamiento protegido para su inicio de sesión, así que Porchlight lo guarda solo en memoria: se le pedirá que inicie sesión de nuevo después de cada reinicio.',
  },
} as const satisfies Translation<typeof english>
