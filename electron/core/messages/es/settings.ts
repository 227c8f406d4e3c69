// Spanish words of Settings (see en/settings.ts).
import type { Translation } from '../translation.ts'
import type { settings as english } from '../en/settings.ts'

export const settings = {
  screen: {
    title: 'Ajustes',
    retry: 'Reintentar',
    readFailed: 'No se pudieron leer los ajustes. {{reason}}',
    loading: 'Cargando los ajustes',
  },
  appearance: {
    title: 'Apariencia e idioma',
    language: 'Idioma',
    languageSystem: 'Como el sistema ({{language}})',
    languageHint: 'Lo usan la aplicación, sus exportaciones y sus PDF. Se guarda con los ajustes.',
    theme: 'Tema',
    themeSystem: 'Como el sistema',
    themeLight: 'Claro',
    themeDark: 'Oscuro',
    themeHint: 'Se guarda en este equipo para todos los que inician sesión aquí.',
    languageFailed: 'No se pudo guardar el idioma. {{reason}}',
  },
  sync: {
    title: 'Sincronización',
    interval: 'Sincronizar automáticamente',
    intervalHint:
      'Con qué frecuencia Porchlight trae entregas, casos y fotos nuevos mientras tiene la sesión iniciada. Sincronizar ahora, en la barra de estado, funciona elija lo que elija.',
    notify: 'Avisarme cuando se envíen los cambios hechos sin conexión',
    notifyHint:
      'La aplicación de escritorio muestra una notificación cuando el servicio de entregas vuelve y sus cambios pendientes de envío se han enviado, o cuando uno necesita su decisión.',
    notSaved: 'El cambio no se guardó. {{reason}}',
    saved: 'Guardado. {{what}}',
    notifyOn: 'Porchlight le avisa cuando se envían los cambios hechos sin conexión.',
    notifyOff: 'Sin notificaciones después de un corte.',
  },
  syncInterval: {
    off: 'Desactivada',
    everyMinute: 'Cada minuto',
    everyMinutes_one: 'Cada {{count, number}} minuto',
    everyMinutes_other: 'Cada {{count, number}} minutos',
    everyHour: 'Cada hora',
    everyHours_one: 'Cada {{count, number}} hora',
    everyHours_other: 'Cada {{count, number}} horas',
    offSentence:
      'La sincronización automática está desactivada. Use Sincronizar ahora, en la barra de estado, para traer entregas nuevas.',
    minuteSentence: 'Porchlight sincroniza cada minuto.',
    minutesSentence_one: 'Porchlight sincroniza cada {{count, number}} minuto.',
    minutesSentence_other: 'Porchlight sincroniza cada {{count, number}} minutos.',
    hourSentence: 'Porchlight sincroniza cada hora.',
    hoursSentence_one: 'Porchlight sincroniza cada {{count, number}} hora.',
    hoursSentence_other: 'Porchlight sincroniza cada {{count, number}} horas.',
  },
  service: {
    title: 'Servicio de entregas',
    kind: 'Tipo',
    demo: 'Servicio de demostración integrado',
    real: 'Servicio de entregas real',
    demoHint: 'Entregas de ejemplo creadas en este equipo. No se muestra ningún cliente real.',
    realHint: 'Entregas reales y fotos de clientes reales.',
    address: 'Dirección',
    chosenHint:
      'El servicio se elige al instalar o iniciar Porchlight; pida a su administrador que lo cambie.',
  },
  user: {
    title: 'Sesión iniciada como',
    name: 'Nombre',
    role: 'Rol',
    id: 'ID de usuario',
  },
  maps: {
    title: 'Teselas del mapa',
    intro:
      'Para cada parte del mapa, Porchlight consulta estas fuentes en orden y usa la primera que la tenga. Las teselas llegan a esta ventana solo a través de Porchlight, nunca directamente desde internet.',
    readFailed: 'No se pudieron leer las fuentes del mapa. {{reason}}',
    loading: 'Cargando las fuentes del mapa',
    stepNumber: '{{number, number}}.',
    filesStep: 'Archivos de mapa (MBTiles)',
    serverStep: 'Servidor de teselas en línea',
    cacheStep: 'Teselas ya vistas',
  },
  mapFiles: {
    origin: {
      demo: 'Integrado',
      folder: 'Carpeta de mapas',
      added: 'Añadido',
    },
    none: 'Todavía no hay archivos de mapa. Sin ellos, el mapa necesita el servidor de teselas en línea o teselas vistas antes.',
    listLabel: 'Archivos de mapa, en el orden en que se usan',
    use: 'Usar {{file}}',
    zoom: 'zoom {{min, number}}–{{max, number}}',
    useEarlier: 'Usar antes',
    useLater: 'Usar después',
    moveUp: 'Subir {{file}}',
    moveDown: 'Bajar {{file}}',
    removeHint: 'Dejar de usar este archivo (el archivo se conserva)',
    remove: 'Quitar {{file}}',
    removing: 'Quitando…',
    removed: 'Se quitó {{file}}.',
    movedTo: '{{file}} ocupa ahora el puesto {{place, number}} del orden.',
    switchedOn: '{{file}} está activado.',
    switchedOff: '{{file}} está desactivado.',
    waitingForFile: 'Esperando un archivo…',
    added: 'Se añadió {{file}}.',
    add: 'Añadir un archivo de mapa…',
    looking: 'Buscando…',
    lookAgain: 'Volver a mirar en la carpeta de mapas',
    folderAlso:
      'También puede poner archivos de mapa en <0>{{folder}}</0>; se cargan la próxima vez que se abre un mapa. Solo teselas ráster (png, jpg o webp).',
    folderOnly:
      'Ponga los archivos de mapa (.mbtiles) en <0>{{folder}}</0>; se cargan la próxima vez que se abre un mapa. Solo teselas ráster (png, jpg o webp).',
  },
  tileServer: {
    fixedOff:
      'Se desactivó al iniciar Porchlight. Los ajustes no pueden cambiarlo mientras Porchlight funcione así.',
    fixedSet:
      'Se fijó al iniciar Porchlight. Los ajustes no pueden cambiarlo mientras Porchlight funcione así.',
    usedUpTo: 'Las teselas vienen de <0>{{address}}</0> hasta el zoom {{zoom, number}}.',
    notUsed: 'No se usa ningún servidor de teselas en línea.',
    enabled: 'Usar un servidor de teselas en línea',
    address: 'Dirección',
    addressHint: 'Una plantilla de URL con {{z}}, {{x}} e {{y}}, por ejemplo la predeterminada.',
    attribution: 'Atribución',
    attributionHint: 'Se muestra en el mapa, como exigen las condiciones del servidor.',
    maxZoom: 'Zoom máximo',
    help: 'Porchlight le pide solo las teselas del mapa en pantalla, se identifica como Porchlight y guarda cada tesela el tiempo que permitan las cabeceras de caché del servidor. No se descarga nada por adelantado.',
    save: 'Guardar servidor de teselas',
    useOpenStreetMap: 'Usar OpenStreetMap',
    saved: 'Se guardó el servidor de teselas.',
    off: 'El servidor de teselas en línea está desactivado.',
  },
  tileCache: {
    none: 'Todavía no se guarda ninguna tesela.',
    usage_one: '{{count, number}} tesela, {{used}} de {{cap}}.',
    usage_other: '{{count, number}} teselas, {{used}} de {{cap}}.',
    intro:
      'Las teselas del servidor en línea se guardan para que los lugares que ha mirado sigan en el mapa sin conexión. Al superar el límite, se borran primero las que se vieron hace más tiempo.',
    cap: 'Guardar hasta',
    capSaved: 'Se guardarán hasta {{size}} de teselas.',
    clear: 'Borrar teselas…',
    confirmTitle: '¿Borrar las teselas ya vistas?',
    confirmText:
      'Los lugares que ha mirado no mostrarán mapa en línea sin conexión hasta que vuelva a verlos con conexión. Los archivos de mapa no se ven afectados.',
    confirm: 'Borrar teselas',
    clearing: 'Borrando…',
    cleared: 'Se borraron las teselas.',
  },
  size: {
    kilobytes: '{{value}} kB',
    megabytes: '{{value}} MB',
    gigabytes: '{{value}} GB',
  },
  helpDesk: {
    title: 'Mesa de ayuda',
    loading: 'Cargando la dirección de los tickets de la mesa de ayuda',
    address: 'Dirección del ticket',
    addressHint:
      'La dirección de un ticket, con {{placeholder}} donde va su número, por ejemplo {{example}}',
    help: 'Con ella, el ticket de un caso se abre en su navegador, y la dirección de un ticket pegada en el cuadro de búsqueda encuentra su caso. Sin ella, el ticket de un caso se muestra como su número.',
    save: 'Guardar dirección del ticket',
    remove: 'Quitar dirección del ticket',
    saved: 'Se guardó la dirección del ticket.',
    removed: 'Sin dirección de ticket.',
    notSaved: 'No se guardó la dirección del ticket. {{reason}}',
  },
  retention: {
    title: 'Datos guardados en este equipo',
    introHourly:
      'Porchlight guarda una copia de las entregas y sus fotos para que pueda trabajar sin conexión. Lo que supera estos plazos se elimina de este equipo cada hora y antes de cada sincronización, salvo que un caso aún lo necesite.',
    introEveryMinutes_one:
      'Porchlight guarda una copia de las entregas y sus fotos para que pueda trabajar sin conexión. Lo que supera estos plazos se elimina de este equipo cada minuto y antes de cada sincronización, salvo que un caso aún lo necesite.',
    introEveryMinutes_other:
      'Porchlight guarda una copia de las entregas y sus fotos para que pueda trabajar sin conexión. Lo que supera estos plazos se elimina de este equipo cada {{count, number}} minutos y antes de cada sincronización, salvo que un caso aún lo necesite.',
    introOnRequest:
      'Porchlight guarda una copia de las entregas y sus fotos para que pueda trabajar sin conexión. Lo que supera estos plazos se elimina de este equipo cuando elige Eliminar ahora los datos vencidos, salvo que un caso aún lo necesite.',
    loading: 'Cargando lo que se guarda',
    readFailed: 'No se pudo leer lo que se guarda. {{reason}}',
    notSaved: 'El cambio no se guardó. {{reason}}',
    photoDays: 'Guardar fotos durante',
    recordDays: 'Guardar registros de entregas durante',
    removing: 'Eliminando…',
    removeNow: 'Eliminar ahora los datos vencidos',
    days_one: '{{count, number}} día',
    days_other: '{{count, number}} días',
    years_one: '{{count, number}} año',
    years_other: '{{count, number}} años',
    nothingYet: 'Todavía no se ha eliminado nada.',
    lastNothing: 'Última eliminación ({{at}}): no había nada vencido.',
    lastRemoved: 'Última eliminación ({{at}}): se eliminaron {{photos}} y {{deliveries}}.',
    photos_one: '{{count, number}} foto',
    photos_other: '{{count, number}} fotos',
    deliveries_one: '{{count, number}} entrega',
    deliveries_other: '{{count, number}} entregas',
    cases_one: '{{count, number}} caso',
    cases_other: '{{count, number}} casos',
    entries_one: '{{count, number}} entrada',
    entries_other: '{{count, number}} entradas',
  },
  kept: {
    caption: 'Qué se guarda, durante cuánto tiempo y cuánto hay ahora',
    what: 'Qué',
    keptFor: 'Se guarda',
    now: 'En este equipo ahora',
    photos: 'Fotos y miniaturas',
    photosFor:
      '{{period}} desde que se tomaron; más mientras haya un caso abierto sobre la entrega',
    records: 'Registros de entregas (nombres, direcciones, datos de contacto)',
    recordsFor: '{{period}} desde la entrega; más mientras la entrega tenga un caso',
    cases: 'Los casos y su trabajo en ellos',
    casesFor: 'Mientras el servicio de entregas los conserve',
    audit: 'Registro de auditoría de fotos vistas y exportaciones',
    auditFor: 'Siempre: guarda identificadores y horas, ningún dato de clientes',
    signIn: 'Su inicio de sesión',
    signInFor: 'Hasta que cierre sesión; protegido por el sistema operativo',
    none: '—',
    oldest: '{{amount}}; la más antigua del {{date}}',
    keptForOpenCases_one: '{{what}}; {{count, number}} se guarda por casos abiertos',
    keptForOpenCases_other: '{{what}}; {{count, number}} se guardan por casos abiertos',
    keptForCases_one: '{{what}}; {{count, number}} se guarda por casos',
    keptForCases_other: '{{what}}; {{count, number}} se guardan por casos',
  },
  support: {
    title: 'Soporte',
    copy: 'Copiar diagnóstico',
    copyHint:
      'Versiones, ajustes, estado de la sincronización y últimas líneas del registro para una solicitud de soporte. Nunca incluye su inicio de sesión ni datos de clientes.',
    copied: 'Diagnóstico copiado.',
    copiedWithLog:
      'Diagnóstico copiado. El registro completo (también sin datos personales) está en <0>{{file}}</0>.',
    notGathered: 'No se pudo reunir el diagnóstico. {{reason}}',
    checkUpdates: 'Buscar actualizaciones',
    readingUpdates: 'Leyendo el estado de las actualizaciones…',
    manualTitle: 'Copiar el diagnóstico',
    manualText: 'No se pudo usar el portapapeles. Seleccione el texto de abajo y cópielo.',
    manualField: 'Diagnóstico',
  },
  update: {
    disabled: {
      demo: 'Las actualizaciones están desactivadas en el modo de demostración.',
      'not-installed': 'Solo un Porchlight instalado busca actualizaciones.',
      'no-feed': 'Esta instalación no tiene configurada una fuente de actualizaciones.',
    },
    upToDate: 'Porchlight está al día (comprobado el {{at}}).',
    notChecked: 'Todavía no se ha comprobado.',
    checking: 'Buscando actualizaciones…',
    downloading: 'Se está descargando la versión {{version}}.',
    ready: 'La versión {{version}} está lista: se instala cuando Porchlight se reinicia.',
    failed: 'Porchlight no pudo buscar actualizaciones. Lo vuelve a intentar mañana.',
  },
  problem: {
    filesOnlyInDesktop:
      'Solo se pueden elegir archivos en la aplicación de escritorio. Aquí, ponga los archivos .mbtiles en {{folder}}.',
    notRemovable:
      'Aquí solo se pueden quitar los archivos elegidos en esta aplicación. Los de la carpeta de mapas se quitan sacándolos de la carpeta; cualquier archivo se puede desactivar.',
    linkNotWeb: 'Porchlight solo abre en su navegador enlaces web (http o https).',
    linksOnlyInDesktop: 'Solo se pueden abrir enlaces en la aplicación de escritorio.',
  },
  mapFileProblem: {
    demoMissing: 'Falta el mapa base de demostración en esta instalación.',
    gone: '{{file}} ya no está. Vuelva a elegirlo o quítelo.',
    folderUnopenable: 'No se pudo abrir {{file}}.',
    notFound: 'No se encontró {{file}}.',
    notAdded: 'No se pudo añadir {{file}}.',
    unreadable: 'No se pudo leer {{file}}.',
    cannotOpen: 'No se pudo abrir {{file}}. Compruebe que el archivo sigue ahí y se puede leer.',
    notOpenable: 'No se pudo abrir {{file}} como archivo MBTiles.',
    notSqlite: '{{file}} no es un archivo MBTiles: no es una base de datos SQLite.',
    notReadable: 'No se pudo leer {{file}} como archivo MBTiles.',
    noTilesTable: '{{file}} no es un archivo MBTiles: no tiene tabla tiles.',
    noMetadataTable: '{{file}} no es un archivo MBTiles: no tiene tabla metadata.',
    tilesView:
      'No se puede usar {{file}}: su tabla tiles es una vista que Porchlight no acepta. Solo se lee una tabla tiles real, o la vista estándar que une las tablas map e images.',
    tableIsView: 'No se puede usar {{file}}: su tabla {{table}} es una vista, no una tabla real.',
    tableIsVirtual:
      'No se puede usar {{file}}: su tabla {{table}} es una tabla virtual, no una tabla real.',
    computedColumns: 'No se puede usar {{file}}: su tabla {{table}} tiene columnas calculadas.',
    missingColumns_one:
      '{{file}} no es un archivo MBTiles: a su tabla {{table}} le falta la columna {{columns}}.',
    missingColumns_other:
      '{{file}} no es un archivo MBTiles: a su tabla {{table}} le faltan las columnas {{columns}}.',
    tilesUnreadable: '{{file}} tiene teselas que Porchlight no puede leer.',
    noIndex:
      'No se puede usar {{file}}: sus teselas no tienen índice, así que cada tesela obligaría a leer el archivo entero. Añada el índice estándar (sobre zoom_level, tile_column, tile_row) con una herramienta de MBTiles.',
    metadataUnreadable: '{{file}} tiene una tabla metadata que Porchlight no puede leer.',
    noFormat:
      '{{file}} no dice qué teselas contiene: sus metadatos no tienen formato (png, jpg o webp).',
    vector:
      '{{file}} contiene teselas vectoriales (pbf). Porchlight solo muestra mapas ráster: teselas png, jpg o webp.',
    otherFormat:
      '{{file}} contiene teselas en un formato que Porchlight no puede mostrar ({{format}}). Use teselas png, jpg o webp.',
    noTiles: '{{file}} no tiene teselas.',
    zoomRange:
      '{{file}} tiene un rango de zoom roto: su minzoom ({{min, number}}) es mayor que su maxzoom ({{max, number}}).',
  },
  template: {
    placeholderOnce:
      'La dirección debe contener {{placeholder}} exactamente una vez, por ejemplo {{example}}',
    unknownPlaceholder: 'La dirección tiene un marcador que Porchlight no rellena: {{placeholder}}',
    notWeb: 'Eso no es una dirección web.',
    noCredentials: 'La dirección no debe contener un nombre de usuario ni una contraseña.',
    httpsOnly:
      'La dirección debe empezar por https:// (http simple solo se permite para un servidor en este equipo).',
    httpOrHttps: 'La dirección debe empezar por https:// (o http://).',
    tooLong: 'La dirección puede tener como máximo {{max, number}} caracteres.',
    noSpaces: 'La dirección no debe contener espacios.',
    needsHost:
      'La dirección debe indicar el servidor de la mesa de ayuda, con {{placeholder}} después.',
    attributionMissing:
      'Indique de quién es el mapa: las condiciones del servidor exigen la atribución.',
    attributionTooLong: 'La atribución puede tener como máximo {{max, number}} caracteres.',
    mapFileId: 'No es un identificador de archivo de mapa.',
  },
  erase: {
    personsWork_one: '{{count, number}} cambio sin enviar de {{name}}',
    personsWork_other: '{{count, number}} cambios sin enviar de {{name}}',
    othersOnlySupervisor_one:
      '{{work}} no ha llegado al servicio de entregas. Solo un supervisor puede borrar el trabajo sin enviar de otra persona: cierre sesión sin borrar, y se enviará cuando esa persona vuelva a iniciar sesión aquí.',
    othersOnlySupervisor_other:
      '{{work}} no han llegado al servicio de entregas. Solo un supervisor puede borrar el trabajo sin enviar de otra persona: cierre sesión sin borrar, y se enviarán cuando cada persona vuelva a iniciar sesión aquí.',
    othersConfirm_one:
      '{{work}} todavía no ha llegado al servicio de entregas. Si borra los datos locales, se pierde: confirme que es lo que quiere (queda en el registro de auditoría a su nombre) o cierre sesión sin borrar.',
    othersConfirm_other:
      '{{work}} todavía no han llegado al servicio de entregas. Si borra los datos locales, se pierden: confirme que es lo que quiere (queda en el registro de auditoría a su nombre) o cierre sesión sin borrar.',
    mineConfirm_one:
      'Un cambio todavía no ha llegado al servicio de entregas. Si borra los datos locales, se pierde: confirme que es lo que quiere o cierre sesión sin borrar.',
    mineConfirm_other:
      '{{count, number}} cambios todavía no han llegado al servicio de entregas. Si borra los datos locales, se pierden: confirme que es lo que quiere o cierre sesión sin borrar.',
  },
  purgedPhoto_one:
    'No se guarda en este equipo: las fotos de más de {{count, number}} día se eliminan salvo que haya un caso abierto sobre la entrega. Se vuelve a traer si se abre uno.',
  purgedPhoto_other:
    'No se guarda en este equipo: las fotos de más de {{count, number}} días se eliminan salvo que haya un caso abierto sobre la entrega. Se vuelve a traer si se abre uno.',
} as const satisfies Translation<typeof english>
