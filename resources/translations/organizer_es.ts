<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="es">
<context>
    <name>AnswerBox</name>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Not sure yet</source>
        <translation>Todavía no lo sé</translation>
    </message>
</context>
<context>
    <name>AppointmentsPage</name>
    <message>
        <source>Appointment notes</source>
        <translation>Notas de las citas</translation>
    </message>
    <message>
        <source>&amp;New notes</source>
        <translation>&amp;Notas nuevas</translation>
    </message>
    <message>
        <source>Start notes for another appointment</source>
        <translation>Empezar notas de otra cita</translation>
    </message>
    <message>
        <source>&amp;Remove note…</source>
        <translation>&amp;Quitar nota…</translation>
    </message>
    <message>
        <source>Date of the appointment</source>
        <translation>Fecha de la cita</translation>
    </message>
    <message>
        <source>Who you saw</source>
        <translation>Con quién habló</translation>
    </message>
    <message>
        <source>e.g. Dr. Lee, Lakeside Cancer Center</source>
        <translation>p. ej., Dra. Lee, Centro Oncológico Lakeside</translation>
    </message>
    <message>
        <source>Who came along</source>
        <translation>Quién fue con usted</translation>
    </message>
    <message>
        <source>What was said</source>
        <translation>Lo que se habló</translation>
    </message>
    <message>
        <source>Could you record the talk?</source>
        <translation>¿Pudo grabar la conversación?</translation>
    </message>
    <message>
        <source>I did not ask</source>
        <translation>No pregunté</translation>
    </message>
    <message>
        <source>Yes, the doctor said I could record</source>
        <translation>Sí, el médico me dejó grabar</translation>
    </message>
    <message>
        <source>No, recording was not allowed</source>
        <translation>No, no se permitió grabar</translation>
    </message>
    <message>
        <source>Take someone along if you can, and write down what was said. Ask before you record a talk: some doctors allow it, some do not. What you type is saved as you go.</source>
        <translation>Vaya acompañado si puede, y anote lo que se dijo. Pregunte antes de grabar una conversación: algunos médicos lo permiten y otros no. Lo que escribe se guarda sobre la marcha.</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation>Citas</translation>
    </message>
    <message>
        <source>New notes</source>
        <translation>Notas nuevas</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Fecha:</translation>
    </message>
    <message>
        <source>Who you &amp;saw:</source>
        <translation>Con quién &amp;habló:</translation>
    </message>
    <message>
        <source>Who &amp;came along:</source>
        <translation>Quién fue con &amp;usted:</translation>
    </message>
    <message>
        <source>&amp;What was said:</source>
        <translation>&amp;Lo que se habló:</translation>
    </message>
    <message>
        <source>Could you re&amp;cord it?</source>
        <translation>¿Pudo g&amp;rabarla?</translation>
    </message>
    <message>
        <source>did not ask about recording</source>
        <translation>no preguntó si podía grabar</translation>
    </message>
    <message>
        <source>recording allowed</source>
        <translation>se permitió grabar</translation>
    </message>
    <message>
        <source>recording not allowed</source>
        <translation>no se permitió grabar</translation>
    </message>
    <message>
        <source>(no name written)</source>
        <translation>(sin nombre)</translation>
    </message>
    <message>
        <source>came along: {0}</source>
        <translation>acompañante: {0}</translation>
    </message>
    <message>
        <source>came alone</source>
        <translation>sin acompañante</translation>
    </message>
    <message>
        <source>Notes from {0}</source>
        <translation>Notas del {0}</translation>
    </message>
    <message>
        <source>Remove notes</source>
        <translation>Quitar notas</translation>
    </message>
    <message>
        <source>Remove the notes from {0}? You can undo this.</source>
        <translation>¿Quitar las notas del {0}? Puede deshacerlo.</translation>
    </message>
</context>
<context>
    <name>AskedForDialog</name>
    <message>
        <source>I asked for the {0}</source>
        <translation>Pedí: {0}</translation>
    </message>
    <message>
        <source>e.g. Maplewood General Hospital</source>
        <translation>p. ej., Hospital General Maplewood</translation>
    </message>
    <message>
        <source>Who you asked</source>
        <translation>A quién se lo pidió</translation>
    </message>
    <message>
        <source>How you asked</source>
        <translation>Cómo lo pidió</translation>
    </message>
    <message>
        <source>The doctor's office</source>
        <translation>El consultorio del médico</translation>
    </message>
    <message>
        <source>The hospital's medical-records department</source>
        <translation>El departamento de expedientes médicos del hospital</translation>
    </message>
    <message>
        <source>The patient portal</source>
        <translation>El portal del paciente</translation>
    </message>
    <message>
        <source>When you asked</source>
        <translation>Cuándo lo pidió</translation>
    </message>
    <message>
        <source>&amp;Who did you ask?</source>
        <translation>¿A &amp;quién se lo pidió?</translation>
    </message>
    <message>
        <source>&amp;How?</source>
        <translation>¿&amp;Cómo?</translation>
    </message>
    <message>
        <source>W&amp;hen?</source>
        <translation>¿C&amp;uándo?</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>We will remind you to call if the record has not come in two weeks.</source>
        <translation>Le recordaremos llamar si el documento no ha llegado en dos semanas.</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>Back up this vault</source>
        <translation>Copia de seguridad de esta bóveda</translation>
    </message>
    <message>
        <source>Your vault lives in this folder: %1
The backup is a copy of that folder. It stays locked: it opens with the same passphrase or recovery key. Keep it somewhere else than this computer, for example on a USB drive.</source>
        <translation>Su bóveda está en esta carpeta: %1
La copia de seguridad es una copia de esa carpeta. Sigue cerrada con llave: se abre con la misma frase de contraseña o la misma clave de recuperación. Guárdela en otro lugar que no sea esta computadora, por ejemplo en una memoria USB.</translation>
    </message>
    <message>
        <source>Where the backup goes</source>
        <translation>Dónde va la copia de seguridad</translation>
    </message>
    <message>
        <source>&amp;Put the backup in:</source>
        <translation>&amp;Guardar la copia en:</translation>
    </message>
    <message>
        <source>&amp;Choose a folder…</source>
        <translation>&amp;Elegir una carpeta…</translation>
    </message>
    <message>
        <source>Backup progress</source>
        <translation>Progreso de la copia de seguridad</translation>
    </message>
    <message>
        <source>&amp;Back up</source>
        <translation>&amp;Hacer la copia</translation>
    </message>
    <message>
        <source>USB drive: %1</source>
        <translation>Memoria USB: %1</translation>
    </message>
    <message>
        <source>Put the backup in which folder?</source>
        <translation>¿En qué carpeta guardar la copia?</translation>
    </message>
    <message>
        <source>Copying and checking…</source>
        <translation>Copiando y comprobando…</translation>
    </message>
    <message>
        <source>The backup is in %1. Every file was read back and matches the vault.</source>
        <translation>La copia de seguridad está en %1. Se volvió a leer cada archivo y coincide con la bóveda.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Stopped. Nothing was left half-written.</source>
        <translation>Detenido. No quedó nada a medio escribir.</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Deteniendo…</translation>
    </message>
</context>
<context>
    <name>BuildStep</name>
    <message>
        <source>Your packet</source>
        <translation>Su paquete</translation>
    </message>
    <message>
        <source>Making the packet</source>
        <translation>Preparando el paquete</translation>
    </message>
    <message>
        <source>S&amp;top making it</source>
        <translation>&amp;Detener</translation>
    </message>
    <message>
        <source>Stop making the packet</source>
        <translation>Dejar de preparar el paquete</translation>
    </message>
    <message>
        <source>Part shown in the preview</source>
        <translation>Parte que se muestra en la vista previa</translation>
    </message>
    <message>
        <source>Making the packet… This can take a minute for many records.</source>
        <translation>Preparando el paquete… Con muchos documentos puede tardar un minuto.</translation>
    </message>
    <message>
        <source>Part {0} of {1}</source>
        <translation>Parte {0} de {1}</translation>
    </message>
    <message>
        <source>✓ Ready: {0} records, {1} pages, {2:.1f} MB. Check it below, then choose how to send it.</source>
        <translation>✓ Listo: {0} documentos, {1} páginas, {2:.1f} MB. Revíselo abajo y luego elija cómo enviarlo.</translation>
    </message>
    <message>
        <source>It is bigger than the size limit, so it is split into {0} numbered parts that each fit. Choose a part above the preview to check it.</source>
        <translation>Es más grande que el límite de tamaño, así que está dividido en {0} partes numeradas que caben cada una. Elija una parte encima de la vista previa para revisarla.</translation>
    </message>
    <message>
        <source>Left out: {0} — {1}</source>
        <translation>No incluido: {0} — {1}</translation>
    </message>
</context>
<context>
    <name>CasePage</name>
    <message>
        <source>Saved: {0}.</source>
        <translation>Guardado: {0}.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <source>Undone: {0}.</source>
        <translation>Deshecho: {0}.</translation>
    </message>
    <message>
        <source>There is nothing left to undo.</source>
        <translation>No queda nada por deshacer.</translation>
    </message>
</context>
<context>
    <name>CheckItem</name>
    <message>
        <source>Pathology reports</source>
        <translation>Informes de patología</translation>
    </message>
    <message>
        <source>Operative report</source>
        <translation>Informe quirúrgico</translation>
    </message>
    <message>
        <source>Discharge summary</source>
        <translation>Resumen de alta</translation>
    </message>
    <message>
        <source>Treatment plan</source>
        <translation>Plan de tratamiento</translation>
    </message>
    <message>
        <source>Medication list</source>
        <translation>Lista de medicamentos</translation>
    </message>
    <message>
        <source>Glass slides and tissue blocks</source>
        <translation>Laminillas y bloques de tejido</translation>
    </message>
    <message>
        <source>Imaging discs (CT, MRI, PET scans)</source>
        <translation>Discos de imágenes (tomografía, resonancia, PET)</translation>
    </message>
</context>
<context>
    <name>ChecklistPage</name>
    <message>
        <source>Checklist</source>
        <translation>Lista de verificación</translation>
    </message>
    <message>
        <source>Edit &amp;diagnosis…</source>
        <translation>Editar el &amp;diagnóstico…</translation>
    </message>
    <message>
        <source>Records ready</source>
        <translation>Documentos listos</translation>
    </message>
    <message>
        <source>Choose their &amp;types…</source>
        <translation>Elegir sus &amp;tipos…</translation>
    </message>
    <message>
        <source>Show the records whose type is not chosen yet</source>
        <translation>Mostrar los documentos que aún no tienen tipo</translation>
    </message>
    <message>
        <source>A record counts as ready when you have it, when you wrote it down yourself (the medicines and the plan), or when it is not needed for you.</source>
        <translation>Un documento cuenta como listo cuando lo tiene, cuando usted mismo lo escribió (los medicamentos y el plan) o cuando no lo necesita.</translation>
    </message>
    <message>
        <source>What to do next</source>
        <translation>Qué hacer ahora</translation>
    </message>
    <message>
        <source>Records the second-opinion doctor needs</source>
        <translation>Documentos que necesita el médico de la segunda opinión</translation>
    </message>
    <message>
        <source>Also worth asking about</source>
        <translation>También vale la pena pedir</translation>
    </message>
    <message>
        <source>Insurance check</source>
        <translation>Consulta con el seguro</translation>
    </message>
    <message>
        <source>Checklist for {0}</source>
        <translation>Lista de verificación de {0}</translation>
    </message>
    <message>
        <source>Diagnosis, in your words: {0}</source>
        <translation>Diagnóstico, en sus palabras: {0}</translation>
    </message>
    <message>
        <source>No diagnosis written down yet.</source>
        <translation>Todavía no ha escrito el diagnóstico.</translation>
    </message>
    <message>
        <source>{0} of {1} ready</source>
        <translation>{0} de {1} listos</translation>
    </message>
    <message>
        <source>✔ Nothing to do right now.</source>
        <translation>✔ No hay nada que hacer por ahora.</translation>
    </message>
    <message>
        <source>1 record needs its type.</source>
        <translation>A 1 documento le falta su tipo.</translation>
    </message>
    <message>
        <source>{0} records need their type.</source>
        <translation>A {0} documentos les falta su tipo.</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>not sure yet</source>
        <translation>todavía no lo sé</translation>
    </message>
    <message>
        <source>Covered: {0}. Doctor must be in network: {1}. Referral needed: {2}.</source>
        <translation>Lo cubre: {0}. El médico debe estar en la red: {1}. Necesita un referido: {2}.</translation>
    </message>
    <message>
        <source>✔ Checked.</source>
        <translation>✔ Consultado.</translation>
    </message>
    <message>
        <source>Change it on the Insurance page.</source>
        <translation>Puede cambiarlo en la página Seguro.</translation>
    </message>
</context>
<context>
    <name>ChecklistRow</name>
    <message>
        <source>I asked for it…</source>
        <translation>Ya lo pedí…</translation>
    </message>
    <message>
        <source>I asked for the {0}…</source>
        <translation>Ya pedí: {0}…</translation>
    </message>
    <message>
        <source>Not needed…</source>
        <translation>No se necesita…</translation>
    </message>
    <message>
        <source>The {0} is not needed…</source>
        <translation>No se necesita: {0}…</translation>
    </message>
    <message>
        <source>Mark received</source>
        <translation>Marcar recibido</translation>
    </message>
    <message>
        <source>Mark the {0} as received</source>
        <translation>Marcar como recibido: {0}</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Clear what I said about the {0}</source>
        <translation>Borrar lo que indiqué sobre: {0}</translation>
    </message>
</context>
<context>
    <name>ClinicalListsPage</name>
    <message>
        <source>Nothing here yet. When you add records downloaded from a patient portal (C-CDA or FHIR files), the allergies, problems and procedures they list appear here.</source>
        <translation>Todavía no hay nada aquí. Cuando agregue documentos descargados de un portal del paciente (archivos C-CDA o FHIR), las alergias, los problemas y los procedimientos que incluyen aparecerán aquí.</translation>
    </message>
    <message>
        <source>Reaction</source>
        <translation>Reacción</translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>Alergias</translation>
    </message>
    <message>
        <source>Problems and diagnoses</source>
        <translation>Problemas y diagnósticos</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Procedures</source>
        <translation>Procedimientos</translation>
    </message>
    <message>
        <source>Allergies and history</source>
        <translation>Alergias e historial</translation>
    </message>
    <message>
        <source>What your portal records list, as they list it. These lists cannot be edited here: each line shows the record it came from.</source>
        <translation>Lo que indican sus documentos del portal, tal como lo indican. Estas listas no se pueden cambiar aquí: cada línea muestra el documento del que viene.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De dónde viene</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Contact details of %1</source>
        <translation>Datos de contacto de %1</translation>
    </message>
    <message>
        <source>These go on record-request letters and on the packet's cover, so offices can reach you. Leave a field empty to leave it out.</source>
        <translation>Estos datos aparecen en las cartas para pedir documentos y en la portada del paquete, para que las oficinas puedan comunicarse con usted. Deje un campo vacío para no incluirlo.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
</context>
<context>
    <name>ContactFields</name>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Teléfono:</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;Correo electrónico:</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>Direcci&amp;ón:</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
</context>
<context>
    <name>ContentsStep</name>
    <message>
        <source>What goes in?</source>
        <translation>¿Qué incluye?</translation>
    </message>
    <message>
        <source>All your records are in, in the order the doctor needs them. Uncheck one to leave it out of this packet.</source>
        <translation>Están todos sus documentos, en el orden que el médico los necesita. Desmarque uno para dejarlo fuera de este paquete.</translation>
    </message>
    <message>
        <source>Records in the packet</source>
        <translation>Documentos del paquete</translation>
    </message>
    <message>
        <source>Press Space to check or uncheck a record.</source>
        <translation>Pulse la barra espaciadora para marcar o desmarcar un documento.</translation>
    </message>
    <message>
        <source>The packet always starts with a cover page, a one-page summary and timeline, your questions, a list of contents, and the medicines and treatment plan you wrote down.</source>
        <translation>El paquete siempre empieza con una portada, un resumen de una página con la cronología, sus preguntas, un índice, y los medicamentos y el plan de tratamiento que usted anotó.</translation>
    </message>
    <message>
        <source>Type not chosen yet</source>
        <translation>Tipo aún sin elegir</translation>
    </message>
    <message>
        <source>1 record has no type yet, so the packet lists it under "Other records".</source>
        <translation>1 documento aún no tiene tipo, así que el paquete lo incluye en «Otros documentos».</translation>
    </message>
    <message>
        <source>{0} records have no type yet, so the packet lists them under "Other records".</source>
        <translation>{0} documentos aún no tienen tipo, así que el paquete los incluye en «Otros documentos».</translation>
    </message>
    <message>
        <source>To file it where the doctor expects it, close this window and choose its type on the Records page.</source>
        <translation>Para ordenarlo donde el médico lo espera, cierre esta ventana y elija su tipo en la página Documentos.</translation>
    </message>
    <message>
        <source>To file them where the doctor expects them, close this window and choose their types on the Records page.</source>
        <translation>Para ordenarlos donde el médico los espera, cierre esta ventana y elija su tipo en la página Documentos.</translation>
    </message>
    <message>
        <source>There are no records to add yet. The packet will hold the cover page, the medicines and the plan only.</source>
        <translation>Todavía no hay documentos para agregar. El paquete tendrá solo la portada, los medicamentos y el plan.</translation>
    </message>
</context>
<context>
    <name>CreateVaultDialog</name>
    <message>
        <source>Create a vault</source>
        <translation>Crear una bóveda</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Frase de contraseña:</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Atrás</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Siguiente</translation>
    </message>
    <message>
        <source>C&amp;reate vault</source>
        <translation>C&amp;rear la bóveda</translation>
    </message>
    <message>
        <source>Co&amp;ntinue</source>
        <translation>Co&amp;ntinuar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Choose a passphrase</source>
        <translation>Elija una frase de contraseña</translation>
    </message>
    <message>
        <source>You will type this passphrase each time you open the vault. Nobody can reset it for you. If you forget it, only your recovery key (shown on the next page) can open the vault.</source>
        <translation>Escribirá esta frase de contraseña cada vez que abra la bóveda. Nadie puede restablecerla por usted. Si la olvida, solo su clave de recuperación (que verá en la página siguiente) podrá abrir la bóveda.</translation>
    </message>
    <message>
        <source>Creating your vault</source>
        <translation>Creando su bóveda</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <source>Create vault</source>
        <translation>Crear la bóveda</translation>
    </message>
    <message>
        <source>Continue to my vault</source>
        <translation>Continuar a mi bóveda</translation>
    </message>
    <message>
        <source>Please choose a folder for the vault.</source>
        <translation>Elija una carpeta para la bóveda.</translation>
    </message>
    <message>
        <source>Creating your vault… This takes a few seconds.</source>
        <translation>Creando su bóveda… Esto tarda unos segundos.</translation>
    </message>
    <message>
        <source>⚠ Your vault is ready. Please save your recovery key first, then tick the box below.</source>
        <translation>⚠ Su bóveda está lista. Primero guarde su clave de recuperación y luego marque la casilla de abajo.</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>This is not a date: there is no month {0}.</source>
        <translation>Esto no es una fecha: no existe el mes {0}.</translation>
    </message>
    <message>
        <source>This is not a date: {0} {1} has {2} days.</source>
        <translation>Esto no es una fecha: {0} de {1} tiene {2} días.</translation>
    </message>
    <message>
        <source>The year {0} is too far away. Please check it.</source>
        <translation>El año {0} está demasiado lejos. Por favor, revíselo.</translation>
    </message>
    <message>
        <source>Please give the day too, for example 12 March 2024.</source>
        <translation>Por favor, indique también el día, por ejemplo 12 de marzo de 2024.</translation>
    </message>
    <message>
        <source>We could not read this as a date. Try 23 April 1958, 04/23/1958 or April 2024.</source>
        <translation>No pudimos leer esto como una fecha. Pruebe con 23 de abril de 1958, 23/04/1958 o abril de 2024.</translation>
    </message>
    <message>
        <source>Read as {0}</source>
        <translation>Leído como {0}</translation>
    </message>
</context>
<context>
    <name>DateLineEdit</name>
    <message>
        <source>e.g. 3/12/2024, April 2024</source>
        <translation>p. ej., 3/12/2024, abril de 2024</translation>
    </message>
    <message>
        <source>Choose from a calendar</source>
        <translation>Elegir en un calendario</translation>
    </message>
    <message>
        <source>Choose from a calendar (Alt+Down)</source>
        <translation>Elegir en un calendario (Alt+Flecha abajo)</translation>
    </message>
</context>
<context>
    <name>DeliveryBar</name>
    <message>
        <source>&amp;Save to a folder…</source>
        <translation>&amp;Guardar en una carpeta…</translation>
    </message>
    <message>
        <source>Copy to a &amp;USB drive</source>
        <translation>Copiar a una memoria &amp;USB</translation>
    </message>
    <message>
        <source>&amp;Email…</source>
        <translation>&amp;Correo electrónico…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <source>&amp;Open the packet</source>
        <translation>&amp;Abrir el paquete</translation>
    </message>
    <message>
        <source>Show in &amp;folder</source>
        <translation>Mostrar en la &amp;carpeta</translation>
    </message>
    <message>
        <source>Save the packet in which folder?</source>
        <translation>¿En qué carpeta guardar el paquete?</translation>
    </message>
    <message>
        <source>Copied to {0} and checked: the copy matches. It is now safe to unplug the drive.</source>
        <translation>Copiado en {0} y comprobado: la copia coincide. Ya puede desconectar la memoria sin riesgo.</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>Enviado a la impresora.</translation>
    </message>
    <message>
        <source>Saved as {0} in {1}.</source>
        <translation>Guardado como {0} en {1}.</translation>
    </message>
    <message>
        <source>No USB drive was found. Plug one in, wait a moment, and try again.</source>
        <translation>No se encontró ninguna memoria USB. Conecte una, espere un momento y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>Which drive?</source>
        <translation>¿Qué unidad?</translation>
    </message>
    <message>
        <source>Copy the packet to:</source>
        <translation>Copiar el paquete a:</translation>
    </message>
    <message>
        <source>Save the packet to attach it: which folder?</source>
        <translation>Guarde el paquete para adjuntarlo: ¿en qué carpeta?</translation>
    </message>
    <message>
        <source>Print the packet</source>
        <translation>Imprimir el paquete</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Trabajando…</translation>
    </message>
</context>
<context>
    <name>DemoDialog</name>
    <message>
        <source>Try the demo</source>
        <translation>Probar la demostración</translation>
    </message>
    <message>
        <source>Making a demo vault…</source>
        <translation>Preparando una bóveda de demostración…</translation>
    </message>
    <message>
        <source>The demo holds only made-up records of a made-up person, so you can look around safely. It is kept in this folder; you may delete it when you are done:</source>
        <translation>La demostración tiene solo documentos inventados de una persona inventada, para que pueda explorar sin riesgo. Se guarda en esta carpeta; puede borrarla cuando termine:</translation>
    </message>
    <message>
        <source>Making the demo vault</source>
        <translation>Preparando la bóveda de demostración</translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message>
        <source>No record chosen</source>
        <translation>No ha elegido ningún documento</translation>
    </message>
    <message>
        <source>Type of record</source>
        <translation>Tipo de documento</translation>
    </message>
    <message>
        <source>Date on the record</source>
        <translation>Fecha del documento</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>&amp;Leave this record out of the packet</source>
        <translation>&amp;Dejar este documento fuera del paquete</translation>
    </message>
    <message>
        <source>Leave this record out of the packet</source>
        <translation>Dejar este documento fuera del paquete</translation>
    </message>
    <message>
        <source>About this file</source>
        <translation>Sobre este archivo</translation>
    </message>
    <message>
        <source>Why we think it is this type</source>
        <translation>Por qué creemos que es de este tipo</translation>
    </message>
    <message>
        <source>Please check</source>
        <translation>Revise, por favor</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Fecha:</translation>
    </message>
    <message>
        <source>T&amp;itle:</source>
        <translation>Tí&amp;tulo:</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>&amp;Notas:</translation>
    </message>
    <message>
        <source>You chose this type.</source>
        <translation>Usted eligió este tipo.</translation>
    </message>
    <message>
        <source>Why we think it is this type:</source>
        <translation>Por qué creemos que es de este tipo:</translation>
    </message>
    <message>
        <source>We found nothing in this record that tells us its type.</source>
        <translation>No encontramos nada en este documento que nos diga su tipo.</translation>
    </message>
    <message>
        <source>⚠ Please check:</source>
        <translation>⚠ Revise, por favor:</translation>
    </message>
    <message>
        <source>1 page</source>
        <translation>1 página</translation>
    </message>
    <message>
        <source>%1 pages</source>
        <translation>%1 páginas</translation>
    </message>
    <message>
        <source>pages not known</source>
        <translation>páginas desconocidas</translation>
    </message>
    <message>
        <source>File: %1 · %2 · added %3</source>
        <translation>Archivo: %1 · %2 · agregado el %3</translation>
    </message>
</context>
<context>
    <name>DiagnosisDialog</name>
    <message>
        <source>Diagnosis of {0}</source>
        <translation>Diagnóstico de {0}</translation>
    </message>
    <message>
        <source>Diagnosis, in their own words</source>
        <translation>Diagnóstico, en sus propias palabras</translation>
    </message>
    <message>
        <source>&amp;Diagnosis, in your own words:</source>
        <translation>&amp;Diagnóstico, en sus propias palabras:</translation>
    </message>
    <message>
        <source>Write it the way you would say it, for example "breast cancer, left side, found in 2024". It goes on the packet's cover page.</source>
        <translation>Escríbalo como usted lo diría, por ejemplo "cáncer de mama, lado izquierdo, encontrado en 2024". Aparece en la portada del paquete.</translation>
    </message>
</context>
<context>
    <name>DropZone</name>
    <message>
        <source>No records here yet</source>
        <translation>Todavía no hay documentos</translation>
    </message>
    <message>
        <source>Drag your PDFs or photos of paper records here, or choose Add records…</source>
        <translation>Arrastre aquí sus PDF o fotos de documentos en papel, o elija Agregar documentos…</translation>
    </message>
    <message>
        <source>They are kept locked in your vault on this computer. Whole folders work too.</source>
        <translation>Se guardan bajo llave en su bóveda en esta computadora. También puede arrastrar carpetas enteras.</translation>
    </message>
    <message>
        <source>Add records…</source>
        <translation>Agregar documentos…</translation>
    </message>
    <message>
        <source>Add records</source>
        <translation>Agregar documentos</translation>
    </message>
    <message>
        <source>No records yet. Drop files here.</source>
        <translation>Todavía no hay documentos. Suelte archivos aquí.</translation>
    </message>
</context>
<context>
    <name>FullTextSearch</name>
    <message>
        <source>Page %1: “%2”</source>
        <translation>Página %1: «%2»</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;Guide: keeping your records safe…</source>
        <translation>&amp;Guía: cómo mantener seguros sus documentos…</translation>
    </message>
    <message>
        <source>Open the &amp;log file (for support)</source>
        <translation>Abrir el archivo de &amp;registro (para soporte)</translation>
    </message>
    <message>
        <source>What the app did and which errors it met, for someone helping you. It holds no names, no record text and no passphrase.</source>
        <translation>Lo que hizo la aplicación y los errores que encontró, para quien le ayude. No guarda nombres, ni texto de sus documentos, ni su frase de contraseña.</translation>
    </message>
    <message>
        <source>&amp;About Second Opinion Organizer</source>
        <translation>&amp;Acerca de Second Opinion Organizer</translation>
    </message>
    <message>
        <source>Guide</source>
        <translation>Guía</translation>
    </message>
    <message>
        <source>About Second Opinion Organizer</source>
        <translation>Acerca de Second Opinion Organizer</translation>
    </message>
    <message>
        <source>Licence texts</source>
        <translation>Textos de las licencias</translation>
    </message>
    <message>
        <source>How the vault keeps your records safe</source>
        <translation>Cómo la bóveda mantiene seguros sus documentos</translation>
    </message>
    <message>
        <source>Your records are kept in a vault: a folder on this computer. Every file in it is locked (encrypted) with a key made from your passphrase. Without the passphrase or the recovery key, nobody can read them — not even us.</source>
        <translation>Sus documentos se guardan en una bóveda: una carpeta en esta computadora. Cada archivo que contiene está cerrado con llave (cifrado) con una clave hecha a partir de su frase de contraseña. Sin la frase de contraseña o la clave de recuperación, nadie puede leerlos, ni siquiera nosotros.</translation>
    </message>
    <message>
        <source>Nothing is sent over the internet. The app works without a network.</source>
        <translation>No se envía nada por internet. La aplicación funciona sin conexión a la red.</translation>
    </message>
    <message>
        <source>When you are away, the app locks the vault by itself (see Settings). You can lock it at any time with Ctrl+L.</source>
        <translation>Cuando usted no está, la aplicación cierra la bóveda por sí sola (vea Configuración). Puede cerrarla en cualquier momento con Ctrl+L.</translation>
    </message>
    <message>
        <source>Records are shown from memory; no unlocked copy is written to the disk. Only files you choose to save or send, like the packet for the doctor, are unlocked copies. Keep those safe, or delete them when you are done.</source>
        <translation>Los documentos se muestran desde la memoria; no se escribe en el disco ninguna copia sin cifrar. Solo los archivos que usted decide guardar o enviar, como el paquete para el médico, son copias sin cifrar. Guárdelos en un lugar seguro o bórrelos cuando termine.</translation>
    </message>
    <message>
        <source>If you lose your passphrase</source>
        <translation>Si pierde su frase de contraseña</translation>
    </message>
    <message>
        <source>Open the vault and choose “Use my recovery key instead”. Type the recovery key from the sheet you saved or printed when you made the vault, then choose a new passphrase.</source>
        <translation>Abra la bóveda y elija «Usar mi clave de recuperación». Escriba la clave de recuperación de la hoja que guardó o imprimió al crear la bóveda y luego elija una nueva frase de contraseña.</translation>
    </message>
    <message>
        <source>Without the passphrase and without the recovery key, the vault cannot be opened by anyone. There is no back door: that is what keeps it safe. So keep the recovery sheet somewhere safe, away from this computer.</source>
        <translation>Sin la frase de contraseña y sin la clave de recuperación, nadie puede abrir la bóveda. No hay ninguna puerta trasera: eso es lo que la mantiene segura. Por eso, guarde la hoja de recuperación en un lugar seguro, lejos de esta computadora.</translation>
    </message>
    <message>
        <source>Moving to a new computer</source>
        <translation>Pasar a una computadora nueva</translation>
    </message>
    <message>
        <source>1. On this computer, choose Vault → Back up this vault… and put the backup on a USB drive.</source>
        <translation>1. En esta computadora, elija Bóveda → Hacer una copia de seguridad de esta bóveda… y guarde la copia en una memoria USB.</translation>
    </message>
    <message>
        <source>2. Install Second Opinion Organizer on the new computer.</source>
        <translation>2. Instale Second Opinion Organizer en la computadora nueva.</translation>
    </message>
    <message>
        <source>3. Copy the backup folder from the USB drive to the new computer, for example into Documents.</source>
        <translation>3. Copie la carpeta de la copia de seguridad de la memoria USB a la computadora nueva, por ejemplo en Documentos.</translation>
    </message>
    <message>
        <source>4. Start the app, choose “Open a vault”, pick that folder, and type your passphrase. If you want the new computer to remember the vault, tick that box again when you open it.</source>
        <translation>4. Abra la aplicación, elija «Abrir una bóveda», escoja esa carpeta y escriba su frase de contraseña. Si quiere que la computadora nueva recuerde la bóveda, vuelva a marcar esa casilla al abrirla.</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Versión %1</translation>
    </message>
    <message>
        <source>Keeps medical records together, locked on this computer, and gets them ready for a second-opinion doctor. It organises records; it does not give medical advice.</source>
        <translation>Reúne los documentos médicos, cerrados con llave en esta computadora, y los prepara para un médico de segunda opinión. Organiza documentos; no da consejos médicos.</translation>
    </message>
    <message>
        <source>Second Opinion Organizer</source>
        <translation>Second Opinion Organizer</translation>
    </message>
    <message>
        <source>Parts made by others, and their licences</source>
        <translation>Partes hechas por otros y sus licencias</translation>
    </message>
    <message>
        <source>Fonts</source>
        <translation>Tipos de letra</translation>
    </message>
</context>
<context>
    <name>ImagingPage</name>
    <message>
        <source>&amp;Add imaging disc…</source>
        <translation>&amp;Agregar disco de imágenes…</translation>
    </message>
    <message>
        <source>Choose the disc drive, or a folder copied from a disc</source>
        <translation>Elija la unidad del disco, o una carpeta copiada de un disco</translation>
    </message>
    <message>
        <source>From a &amp;zip file…</source>
        <translation>Desde un archivo &amp;zip…</translation>
    </message>
    <message>
        <source>&amp;Copy imaging to a USB drive…</source>
        <translation>&amp;Copiar las imágenes a una memoria USB…</translation>
    </message>
    <message>
        <source>No imaging yet. Put a disc from the hospital in the drive and choose Add imaging disc…, or drag the disc's folder here.</source>
        <translation>Todavía no hay imágenes. Ponga en la unidad un disco del hospital y elija Agregar disco de imágenes…, o arrastre aquí la carpeta del disco.</translation>
    </message>
    <message>
        <source>Imaging</source>
        <translation>Imágenes</translation>
    </message>
    <message>
        <source>Imaging discs</source>
        <translation>Discos de imágenes</translation>
    </message>
    <message>
        <source>Second-opinion doctors often ask for the scans themselves (CT, MRI, PET), not only the reports. Add each disc the hospitals gave you: a locked copy of every image is kept in your vault, and you can copy them all to a USB drive for the doctor.</source>
        <translation>Los médicos de la segunda opinión suelen pedir las propias imágenes (tomografía, resonancia, PET), no solo los informes. Agregue cada disco que le dieron en los hospitales: se guarda una copia protegida de cada imagen en su bóveda, y puede copiarlas todas a una memoria USB para el médico.</translation>
    </message>
    <message>
        <source>Choose the imaging disc or its folder</source>
        <translation>Elija el disco de imágenes o su carpeta</translation>
    </message>
    <message>
        <source>Choose a zip file of an imaging disc</source>
        <translation>Elija un archivo zip de un disco de imágenes</translation>
    </message>
    <message>
        <source>Zip files (*.zip *.ZIP)</source>
        <translation>Archivos zip (*.zip *.ZIP)</translation>
    </message>
    <message>
        <source>Adding the disc…</source>
        <translation>Agregando el disco…</translation>
    </message>
    <message>
        <source>files</source>
        <translation>archivos</translation>
    </message>
    <message>
        <source>Choose the USB drive or a folder</source>
        <translation>Elija la memoria USB o una carpeta</translation>
    </message>
    <message>
        <source>Copying the images…</source>
        <translation>Copiando las imágenes…</translation>
    </message>
    <message>
        <source>images</source>
        <translation>imágenes</translation>
    </message>
</context>
<context>
    <name>ImportBar</name>
    <message>
        <source>Importing your files…</source>
        <translation>Importando sus archivos…</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>Progreso de la importación</translation>
    </message>
    <message>
        <source>%v of %m</source>
        <translation>%v de %m</translation>
    </message>
    <message>
        <source>&amp;Cancel import</source>
        <translation>&amp;Cancelar la importación</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>Cancelar la importación</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <source>Stopping…</source>
        <translation>Deteniendo…</translation>
    </message>
    <message>
        <source>Importing your files…</source>
        <translation>Importando sus archivos…</translation>
    </message>
    <message>
        <source>Reading the text of “%1”: page %2 of %3…</source>
        <translation>Leyendo el texto de «%1»: página %2 de %3…</translation>
    </message>
    <message>
        <source>Imported with the password you typed: %1</source>
        <translation>Importado con la contraseña que escribió: %1</translation>
    </message>
</context>
<context>
    <name>ImportSummaryDialog</name>
    <message>
        <source>What happened to your files</source>
        <translation>Qué pasó con sus archivos</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Each file and what happened to it</source>
        <translation>Cada archivo y lo que pasó con él</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>Importación terminada</translation>
    </message>
    <message>
        <source>Some records are protected by a password. Type each one's password to import it (often it is in the letter or e-mail the record came with), or leave it empty to skip that file.</source>
        <translation>Algunos documentos están protegidos con una contraseña. Escriba la contraseña de cada uno para importarlo (a menudo viene en la carta o el correo que acompañaba al documento), o déjela vacía para omitir ese archivo.</translation>
    </message>
    <message>
        <source>Password for %1</source>
        <translation>Contraseña de %1</translation>
    </message>
    <message>
        <source>Password for “%1”:</source>
        <translation>Contraseña de «%1»:</translation>
    </message>
    <message>
        <source>Import with these passwords</source>
        <translation>Importar con estas contraseñas</translation>
    </message>
</context>
<context>
    <name>InsurancePage</name>
    <message>
        <source>Does your plan pay for a second opinion?</source>
        <translation>¿Su plan paga una segunda opinión?</translation>
    </message>
    <message>
        <source>Must the doctor be in your plan's network?</source>
        <translation>¿El médico debe estar en la red de su plan?</translation>
    </message>
    <message>
        <source>Do you need a referral first?</source>
        <translation>¿Necesita primero un referido?</translation>
    </message>
    <message>
        <source>Notes about the insurance call</source>
        <translation>Notas sobre la llamada al seguro</translation>
    </message>
    <message>
        <source>Who you talked to, the date, a reference number, costs</source>
        <translation>Con quién habló, la fecha, un número de referencia, los costos</translation>
    </message>
    <message>
        <source>Insurance</source>
        <translation>Seguro</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>&amp;Notas:</translation>
    </message>
    <message>
        <source>Insurance check</source>
        <translation>Consulta con el seguro</translation>
    </message>
    <message>
        <source>Before you book a second opinion, call your insurance and ask these three questions. Some plans only pay when the doctor is in their network.</source>
        <translation>Antes de pedir una cita para una segunda opinión, llame a su seguro y haga estas tres preguntas. Algunos planes solo pagan si el médico está en su red.</translation>
    </message>
    <message>
        <source>✔ All three are answered.</source>
        <translation>✔ Las tres están respondidas.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Second Opinion Organizer</source>
        <translation>Organizador para una Segunda Opinión</translation>
    </message>
    <message>
        <source>&amp;Vault</source>
        <translation>&amp;Bóveda</translation>
    </message>
    <message>
        <source>&amp;Create a vault…</source>
        <translation>&amp;Crear una bóveda…</translation>
    </message>
    <message>
        <source>&amp;Open a vault…</source>
        <translation>&amp;Abrir una bóveda…</translation>
    </message>
    <message>
        <source>&amp;Try the demo</source>
        <translation>&amp;Probar la demostración</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>B&amp;loquear</translation>
    </message>
    <message>
        <source>&amp;Forget this vault on this computer</source>
        <translation>&amp;Olvidar esta bóveda en esta computadora</translation>
    </message>
    <message>
        <source>Change &amp;passphrase and keys…</source>
        <translation>Cambiar la &amp;frase de contraseña y las claves…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>Con&amp;figuración…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Please check this vault</source>
        <translation>Por favor, revise esta bóveda</translation>
    </message>
    <message>
        <source>Choose your vault folder</source>
        <translation>Elija la carpeta de su bóveda</translation>
    </message>
    <message>
        <source>Already open</source>
        <translation>Ya está abierta</translation>
    </message>
    <message>
        <source>This vault is already open in another window of this app. That window was brought to the front; please use it there.</source>
        <translation>Esta bóveda ya está abierta en otra ventana de esta aplicación. Pusimos esa ventana al frente; úsela allí, por favor.</translation>
    </message>
    <message>
        <source>This computer no longer remembers this vault. Next time, type your passphrase to open it.</source>
        <translation>Esta computadora ya no recuerda esta bóveda. La próxima vez, escriba su frase de contraseña para abrirla.</translation>
    </message>
</context>
<context>
    <name>MedicinesModel</name>
    <message>
        <source>Medicine</source>
        <translation>Medicamento</translation>
    </message>
    <message>
        <source>Dose</source>
        <translation>Dosis</translation>
    </message>
    <message>
        <source>How taken</source>
        <translation>Cómo se toma</translation>
    </message>
    <message>
        <source>How often</source>
        <translation>Con qué frecuencia</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Empezó</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Dejó</translation>
    </message>
    <message>
        <source>Prescribed by</source>
        <translation>Recetado por</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>From record</source>
        <translation>Del documento</translation>
    </message>
    <message>
        <source>Type a date as you write it: 3/12/2024, 7 March 2024, April 2024 or 2024</source>
        <translation>Escriba la fecha como la escribe usted: 3/12/2024, 7 de marzo de 2024, abril de 2024 o 2024</translation>
    </message>
    <message>
        <source>{0} for {1}: {2}</source>
        <translation>{0} de {1}: {2}</translation>
    </message>
    <message>
        <source>{0} for {1}: read as {2}.</source>
        <translation>{0} de {1}: leído como {2}.</translation>
    </message>
</context>
<context>
    <name>MedicinesPage</name>
    <message>
        <source>Medicines</source>
        <translation>Medicamentos</translation>
    </message>
    <message>
        <source>&amp;Add a medicine…</source>
        <translation>&amp;Agregar un medicamento…</translation>
    </message>
    <message>
        <source>&amp;Remove medicine…</source>
        <translation>&amp;Quitar medicamento…</translation>
    </message>
    <message>
        <source>&amp;Link to a record…</source>
        <translation>&amp;Vincular a un documento…</translation>
    </message>
    <message>
        <source>Say which medication list in the vault this medicine is on</source>
        <translation>Indique en qué lista de medicamentos de la bóveda aparece este medicamento</translation>
    </message>
    <message>
        <source>List every drug you take or took for this illness and for anything else, with the dose and dates. Some drugs matter years later, so old ones count too. To change a cell, select it and start typing, or press F2. Tab and Enter move to the next cell; Ctrl+Tab leaves the table. Insert adds a medicine; Delete removes one.</source>
        <translation>Anote cada medicamento que toma o tomó para esta enfermedad y para cualquier otra cosa, con la dosis y las fechas. Algunos medicamentos importan años después, así que los antiguos también cuentan. Para cambiar una celda, selecciónela y empiece a escribir, o pulse F2. Tab y Entrar pasan a la siguiente celda; Ctrl+Tab sale de la tabla. Insert añade un medicamento; Supr quita uno.</translation>
    </message>
    <message>
        <source>Medication-list records in the vault: {0}.</source>
        <translation>Listas de medicamentos en la bóveda: {0}.</translation>
    </message>
    <message>
        <source>No medication-list record in the vault yet.</source>
        <translation>Todavía no hay ninguna lista de medicamentos en la bóveda.</translation>
    </message>
    <message>
        <source>Add a medicine</source>
        <translation>Agregar un medicamento</translation>
    </message>
    <message>
        <source>Name of the medicine:</source>
        <translation>Nombre del medicamento:</translation>
    </message>
    <message>
        <source>Remove a medicine</source>
        <translation>Quitar un medicamento</translation>
    </message>
    <message>
        <source>Remove {0} from the list? You can undo this.</source>
        <translation>¿Quitar {0} de la lista? Puede deshacerlo.</translation>
    </message>
    <message>
        <source>(no record)</source>
        <translation>(sin documento)</translation>
    </message>
    <message>
        <source>Link to a record</source>
        <translation>Vincular a un documento</translation>
    </message>
    <message>
        <source>Which medication list in the vault shows {0}?</source>
        <translation>¿Qué lista de medicamentos de la bóveda muestra {0}?</translation>
    </message>
</context>
<context>
    <name>NotNeededDialog</name>
    <message>
        <source>The {0} is not needed</source>
        <translation>No se necesita: {0}</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Motivo:</translation>
    </message>
    <message>
        <source>Mark not needed</source>
        <translation>Marcar como no necesario</translation>
    </message>
    <message>
        <source>Choose a reason or write your own. You can change this later.</source>
        <translation>Elija un motivo o escriba el suyo. Puede cambiarlo más tarde.</translation>
    </message>
    <message>
        <source>No surgery</source>
        <translation>No tuve cirugía</translation>
    </message>
    <message>
        <source>Never in hospital</source>
        <translation>Nunca estuve en el hospital</translation>
    </message>
    <message>
        <source>No treatment has been suggested yet</source>
        <translation>Todavía no me han propuesto ningún tratamiento</translation>
    </message>
    <message>
        <source>No medicines taken</source>
        <translation>No tomo medicamentos</translation>
    </message>
    <message>
        <source>The new doctor does not need them</source>
        <translation>El nuevo médico no los necesita</translation>
    </message>
</context>
<context>
    <name>OpenVaultActions</name>
    <message>
        <source>Contact &amp;details…</source>
        <translation>&amp;Datos de contacto…</translation>
    </message>
    <message>
        <source>&amp;Back up this vault…</source>
        <translation>Hacer una copia de &amp;seguridad de esta bóveda…</translation>
    </message>
    <message>
        <source>Contact details saved.</source>
        <translation>Datos de contacto guardados.</translation>
    </message>
</context>
<context>
    <name>OptionsStep</name>
    <message>
        <source>Password, size and printing</source>
        <translation>Contraseña, tamaño e impresión</translation>
    </message>
    <message>
        <source>All are optional.</source>
        <translation>Todo es opcional.</translation>
    </message>
    <message>
        <source>&amp;Protect the packet with a password</source>
        <translation>&amp;Proteger el paquete con una contraseña</translation>
    </message>
    <message>
        <source>Protect the packet with a password</source>
        <translation>Proteger el paquete con una contraseña</translation>
    </message>
    <message>
        <source>Packet password</source>
        <translation>Contraseña del paquete</translation>
    </message>
    <message>
        <source>S&amp;how the password</source>
        <translation>&amp;Mostrar la contraseña</translation>
    </message>
    <message>
        <source>Show the password</source>
        <translation>Mostrar la contraseña</translation>
    </message>
    <message>
        <source>For printing on both sides: start each &amp;record on a new sheet</source>
        <translation>Para imprimir por ambas caras: cada &amp;documento empieza en una hoja nueva</translation>
    </message>
    <message>
        <source>For printing on both sides</source>
        <translation>Para imprimir por ambas caras</translation>
    </message>
    <message>
        <source>Use {1} to {0} plain letters, digits and punctuation — no accents — so every PDF reader can open it. Tell the doctor's office the password by phone, not in the same email.</source>
        <translation>Use de {1} a {0} letras simples, números y signos de puntuación (sin acentos ni ñ), para que cualquier lector de PDF pueda abrirlo. Dígale la contraseña al consultorio por teléfono, no en el mismo correo.</translation>
    </message>
    <message>
        <source>Adds a blank page where needed, so no record starts on the back of another record's last page.</source>
        <translation>Añade una página en blanco donde haga falta, para que ningún documento empiece al dorso de la última página de otro.</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Con&amp;traseña:</translation>
    </message>
    <message>
        <source>Email &amp;size limit:</source>
        <translation>Límite de tamaño del &amp;correo:</translation>
    </message>
    <message>
        <source>Most email services refuse attachments over 20 or 25 MB. With a limit, the packet is made smaller, or split into numbered parts that each fit.</source>
        <translation>La mayoría de los servicios de correo rechazan archivos adjuntos de más de 20 o 25 MB. Con un límite, el paquete se hace más pequeño o se divide en partes numeradas que quepan cada una.</translation>
    </message>
</context>
<context>
    <name>PacketPage</name>
    <message>
        <source>&amp;Make the packet…</source>
        <translation>&amp;Preparar el paquete…</translation>
    </message>
    <message>
        <source>Make the packet</source>
        <translation>Preparar el paquete</translation>
    </message>
    <message>
        <source>Sent log</source>
        <translation>Registro de envíos</translation>
    </message>
    <message>
        <source>Packet for the doctor</source>
        <translation>Paquete para el médico</translation>
    </message>
    <message>
        <source>One PDF with everything the second-opinion doctor needs, in the order they need it: a cover page, a list of contents, your medicines and plan, then your records. You can look at it before you send it.</source>
        <translation>Un solo PDF con todo lo que necesita el médico de la segunda opinión, en el orden en que lo necesita: una portada, un índice, sus medicamentos y su plan, y luego sus documentos. Puede revisarlo antes de enviarlo.</translation>
    </message>
    <message>
        <source>Each packet you saved, copied, emailed or printed, newest first.</source>
        <translation>Cada paquete que guardó, copió, envió por correo o imprimió, del más reciente al más antiguo.</translation>
    </message>
</context>
<context>
    <name>PacketWizard</name>
    <message>
        <source>Make the packet for the doctor</source>
        <translation>Preparar el paquete para el médico</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
</context>
<context>
    <name>PageTurnsNote</name>
    <message>
        <source>Pages turned upright</source>
        <translation>Páginas giradas para leerse derechas</translation>
    </message>
    <message>
        <source>Page %1 is shown as it was scanned.</source>
        <translation>La página %1 se muestra tal como se escaneó.</translation>
    </message>
    <message>
        <source>Pages %1 are shown as they were scanned.</source>
        <translation>Las páginas %1 se muestran tal como se escanearon.</translation>
    </message>
    <message>
        <source>Turn upright again</source>
        <translation>Volver a girarlas para leerlas derechas</translation>
    </message>
    <message>
        <source>Page %1 was turned so it reads upright.</source>
        <translation>La página %1 se giró para que se lea derecha.</translation>
    </message>
    <message>
        <source>Pages %1 were turned so they read upright.</source>
        <translation>Las páginas %1 se giraron para que se lean derechas.</translation>
    </message>
    <message>
        <source>Show as scanned</source>
        <translation>Mostrar como se escaneó</translation>
    </message>
</context>
<context>
    <name>PassphraseFields</name>
    <message>
        <source>New passphrase</source>
        <translation>Nueva frase de contraseña</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Repita la frase de contraseña</translation>
    </message>
    <message>
        <source>S&amp;how the passphrase</source>
        <translation>&amp;Mostrar la frase de contraseña</translation>
    </message>
    <message>
        <source>Show the passphrase</source>
        <translation>Mostrar la frase de contraseña</translation>
    </message>
    <message>
        <source>S&amp;uggest one for me</source>
        <translation>S&amp;ugerirme una</translation>
    </message>
    <message>
        <source>Suggest a passphrase of four random words</source>
        <translation>Sugerir una frase de contraseña de cuatro palabras al azar</translation>
    </message>
    <message>
        <source>Type it a&amp;gain:</source>
        <translation>&amp;Repítala:</translation>
    </message>
    <message>
        <source>Four or more unrelated words are easy to remember and hard to guess. Nobody can reset this passphrase for you.</source>
        <translation>Cuatro o más palabras sin relación entre sí son fáciles de recordar y difíciles de adivinar. Nadie puede restablecer esta frase de contraseña por usted.</translation>
    </message>
    <message>
        <source>✗ Too short — use at least 8 characters; four unrelated words work best.</source>
        <translation>✗ Demasiado corta: use al menos 8 caracteres; lo mejor son cuatro palabras sin relación entre sí.</translation>
    </message>
    <message>
        <source>✗ Too easy to guess: someone with a copy of the vault could find it %1. %2 Try four unrelated words, or press “Suggest one for me”.</source>
        <translation>✗ Demasiado fácil de adivinar: alguien con una copia de la bóveda podría descubrirla %1. %2 Pruebe con cuatro palabras sin relación entre sí, o pulse «Sugerirme una».</translation>
    </message>
    <message>
        <source>✓ Hard to guess. Longer is even better.</source>
        <translation>✓ Difícil de adivinar. Más larga es aún mejor.</translation>
    </message>
    <message>
        <source>✓ Very hard to guess.</source>
        <translation>✓ Muy difícil de adivinar.</translation>
    </message>
    <message>
        <source>in less than a second</source>
        <translation>en menos de un segundo</translation>
    </message>
    <message>
        <source>in seconds</source>
        <translation>en segundos</translation>
    </message>
    <message>
        <source>in minutes</source>
        <translation>en minutos</translation>
    </message>
    <message>
        <source>in hours</source>
        <translation>en horas</translation>
    </message>
    <message>
        <source>in days</source>
        <translation>en días</translation>
    </message>
    <message>
        <source>in months</source>
        <translation>en meses</translation>
    </message>
    <message>
        <source>within a few years</source>
        <translation>en unos pocos años</translation>
    </message>
    <message>
        <source>It is one of the passwords people use most, which are always tried first.</source>
        <translation>Es una de las contraseñas más usadas, que siempre se prueban primero.</translation>
    </message>
    <message>
        <source>It contains the person's name or date of birth, which others can find out.</source>
        <translation>Contiene el nombre o la fecha de nacimiento de la persona, que otros pueden averiguar.</translation>
    </message>
    <message>
        <source>Names are among the first things tried.</source>
        <translation>Los nombres están entre lo primero que se prueba.</translation>
    </message>
    <message>
        <source>Dates and years are among the first things tried.</source>
        <translation>Las fechas y los años están entre lo primero que se prueba.</translation>
    </message>
    <message>
        <source>Repeated letters or words (like “aaa”) add almost nothing.</source>
        <translation>Las letras o palabras repetidas (como «aaa») casi no añaden nada.</translation>
    </message>
    <message>
        <source>Sequences like “abcd” or “1234” add almost nothing.</source>
        <translation>Las secuencias como «abcd» o «1234» casi no añaden nada.</translation>
    </message>
    <message>
        <source>Keyboard patterns like “qwerty” are among the first things tried.</source>
        <translation>Los patrones del teclado como «qwerty» están entre lo primero que se prueba.</translation>
    </message>
    <message>
        <source>✓ Both passphrases are the same.</source>
        <translation>✓ Las dos frases de contraseña son iguales.</translation>
    </message>
    <message>
        <source>✗ The two passphrases are not the same yet.</source>
        <translation>✗ Las dos frases de contraseña todavía no son iguales.</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>Preview of the packet</source>
        <translation>Vista previa del paquete</translation>
    </message>
</context>
<context>
    <name>PendingRecognition</name>
    <message>
        <source>Reading the text of scanned records in the background: {done} of {total} done.</source>
        <translation>Leyendo en segundo plano el texto de los documentos escaneados: {done} de {total} listos.</translation>
    </message>
    <message>
        <source>The text of {count} scanned record(s) was read. They now have a type, a date and a title where one was found.</source>
        <translation>Ya se leyó el texto de {count} documento(s) escaneado(s). Ahora tienen tipo, fecha y título cuando se encontraron.</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Add a person</source>
        <translation>Agregar a una persona</translation>
    </message>
    <message>
        <source>Diagnosis, in their own words</source>
        <translation>Diagnóstico, en sus propias palabras</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>&amp;Date of birth:</source>
        <translation>&amp;Fecha de nacimiento:</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>D&amp;iagnosis, in their words:</source>
        <translation>&amp;Diagnóstico, en sus palabras:</translation>
    </message>
    <message>
        <source>Add someone whose records you keep here, for example a parent you help. The phone, email and address go on record-request letters. Everything stays in this vault.</source>
        <translation>Agregue a alguien cuyos documentos guarda aquí, por ejemplo, a su padre o su madre si lo ayuda. El teléfono, el correo y la dirección aparecen en las cartas para pedir documentos. Todo se queda en esta bóveda.</translation>
    </message>
</context>
<context>
    <name>PlanPage</name>
    <message>
        <source>What was proposed</source>
        <translation>Qué se propuso</translation>
    </message>
    <message>
        <source>Proposed by</source>
        <translation>Propuesto por</translation>
    </message>
    <message>
        <source>e.g. Dr. Lee, oncologist</source>
        <translation>p. ej., Dra. Lee, oncóloga</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Other choices that were mentioned</source>
        <translation>Otras opciones que se mencionaron</translation>
    </message>
    <message>
        <source>Treatment plan</source>
        <translation>Plan de tratamiento</translation>
    </message>
    <message>
        <source>&amp;What was proposed?</source>
        <translation>¿&amp;Qué se propuso?</translation>
    </message>
    <message>
        <source>Proposed &amp;by:</source>
        <translation>&amp;Propuesto por:</translation>
    </message>
    <message>
        <source>&amp;When (date):</source>
        <translation>¿&amp;Cuándo? (fecha):</translation>
    </message>
    <message>
        <source>&amp;Other choices mentioned:</source>
        <translation>&amp;Otras opciones mencionadas:</translation>
    </message>
    <message>
        <source>In your own words, write down the plan your doctor suggested. The second-opinion doctor reads this first, beside the plan from your doctor if you have it. What you type is saved as you go.</source>
        <translation>Con sus propias palabras, escriba el plan que le propuso su médico. El médico de la segunda opinión lo lee primero, junto al plan de su médico si lo tiene. Lo que escribe se guarda sobre la marcha.</translation>
    </message>
    <message>
        <source>✔ A plan from your doctor is in the vault: {0}.</source>
        <translation>✔ Hay un plan de su médico en la bóveda: {0}.</translation>
    </message>
    <message>
        <source>✗ No plan from your doctor is in the vault yet. Ask for a written copy.</source>
        <translation>✗ Todavía no hay un plan de su médico en la bóveda. Pida una copia por escrito.</translation>
    </message>
</context>
<context>
    <name>PortalMedicinesDialog</name>
    <message>
        <source>Medicines found in your records</source>
        <translation>Medicamentos encontrados en sus documentos</translation>
    </message>
    <message>
        <source>Medicines found</source>
        <translation>Medicamentos encontrados</translation>
    </message>
    <message>
        <source>Medicine</source>
        <translation>Medicamento</translation>
    </message>
    <message>
        <source>Dose</source>
        <translation>Dosis</translation>
    </message>
    <message>
        <source>How taken</source>
        <translation>Cómo se toma</translation>
    </message>
    <message>
        <source>How often</source>
        <translation>Con qué frecuencia</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Prescriber</source>
        <translation>Quién lo recetó</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De dónde viene</translation>
    </message>
    <message>
        <source>&amp;Add ticked medicines</source>
        <translation>&amp;Agregar los medicamentos marcados</translation>
    </message>
    <message>
        <source>&amp;Not now</source>
        <translation>&amp;Ahora no</translation>
    </message>
    <message>
        <source>These medicines are listed in the records you just added. Tick the ones to put on your medicine list; you can change or remove them there later. Medicines already on your list are shown as such and are not ticked.</source>
        <translation>Estos medicamentos aparecen en los documentos que acaba de agregar. Marque los que quiera poner en su lista de medicamentos; después podrá cambiarlos o quitarlos allí. Los que ya están en su lista se indican así y no están marcados.</translation>
    </message>
    <message>
        <source>{0} (already on your list)</source>
        <translation>{0} (ya está en su lista)</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <source>Record preview</source>
        <translation>Vista previa del documento</translation>
    </message>
    <message>
        <source>Choose a record in the list to see it here.</source>
        <translation>Elija un documento de la lista para verlo aquí.</translation>
    </message>
    <message>
        <source>Preview message</source>
        <translation>Mensaje de la vista previa</translation>
    </message>
    <message>
        <source>Page number</source>
        <translation>Número de página</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Alejar</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Acercar</translation>
    </message>
    <message>
        <source>Fit to width</source>
        <translation>Ajustar al ancho</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Ajustar al ancho</translation>
    </message>
    <message>
        <source>Turn pages to the left</source>
        <translation>Girar las páginas a la izquierda</translation>
    </message>
    <message>
        <source>Turn pages to the right</source>
        <translation>Girar las páginas a la derecha</translation>
    </message>
    <message>
        <source>Page thumbnails</source>
        <translation>Miniaturas de las páginas</translation>
    </message>
    <message>
        <source>Opening the record…</source>
        <translation>Abriendo el documento…</translation>
    </message>
    <message>
        <source>This record cannot be shown here. It is still safe in your vault, and it will still go into the packet if you keep it there.</source>
        <translation>Este documento no se puede mostrar aquí. Sigue seguro en su bóveda y se incluirá en el paquete si lo deja marcado.</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Página %1 de %2</translation>
    </message>
    <message>
        <source>Page %1 of the first %2 (of %3 pages; the whole record is kept and goes into the packet)</source>
        <translation>Página %1 de las primeras %2 (de %3 páginas; el documento completo se conserva y va en el paquete)</translation>
    </message>
</context>
<context>
    <name>PreviewToggle</name>
    <message>
        <source>Hide pre&amp;view</source>
        <translation>Ocultar &amp;vista previa</translation>
    </message>
    <message>
        <source>Give the list the whole width, or show the record beside it again</source>
        <translation>Dar a la lista todo el ancho, o volver a mostrar el documento al lado</translation>
    </message>
    <message>
        <source>Show pre&amp;view</source>
        <translation>Mostrar &amp;vista previa</translation>
    </message>
</context>
<context>
    <name>QuestionsPage</name>
    <message>
        <source>Questions for the doctor</source>
        <translation>Preguntas para el médico</translation>
    </message>
    <message>
        <source>New question</source>
        <translation>Pregunta nueva</translation>
    </message>
    <message>
        <source>Write a question of your own</source>
        <translation>Escriba una pregunta suya</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Agregar</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>Change the words of the question (F2)</source>
        <translation>Cambiar el texto de la pregunta (F2)</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Quitar…</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>&amp;Subir</translation>
    </message>
    <message>
        <source>Move the question up (Alt+Up)</source>
        <translation>Subir la pregunta (Alt+Arriba)</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>&amp;Bajar</translation>
    </message>
    <message>
        <source>Move the question down (Alt+Down)</source>
        <translation>Bajar la pregunta (Alt+Abajo)</translation>
    </message>
    <message>
        <source>Go back to the &amp;starter list…</source>
        <translation>&amp;Volver a la lista inicial…</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Preguntas</translation>
    </message>
    <message>
        <source>Take these to the appointment. The ones starting "How did you reach your plan?" help when the two doctors do not agree. Change them, add your own, and put the most important ones first.</source>
        <translation>Lleve estas preguntas a la cita. Las que empiezan con "How did you reach your plan?" (¿Cómo llegó a su plan?) ayudan cuando los dos médicos no están de acuerdo. Cámbielas, agregue las suyas y ponga primero las más importantes.</translation>
    </message>
    <message>
        <source>Question {0}</source>
        <translation>Pregunta {0}</translation>
    </message>
    <message>
        <source>Remove a question</source>
        <translation>Quitar una pregunta</translation>
    </message>
    <message>
        <source>Remove this question?

{0}

You can undo this.</source>
        <translation>¿Quitar esta pregunta?

{0}

Puede deshacerlo.</translation>
    </message>
    <message>
        <source>Go back to the starter list</source>
        <translation>Volver a la lista inicial</translation>
    </message>
    <message>
        <source>Go back to the starter list? Your own questions and changes are removed. You can undo this.</source>
        <translation>¿Volver a la lista inicial? Se quitarán sus propias preguntas y cambios. Puede deshacerlo.</translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <source>Saved: the type is now “%1”.</source>
        <translation>Guardado: ahora el tipo es «%1».</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <source>Saved: this record will be left out of the packet.</source>
        <translation>Guardado: este documento quedará fuera del paquete.</translation>
    </message>
    <message>
        <source>Saved: this record will go into the packet.</source>
        <translation>Guardado: este documento irá en el paquete.</translation>
    </message>
    <message>
        <source>Saved: the pages are turned to the right.</source>
        <translation>Guardado: las páginas están giradas a la derecha.</translation>
    </message>
    <message>
        <source>Saved: the pages are turned to the left.</source>
        <translation>Guardado: las páginas están giradas a la izquierda.</translation>
    </message>
    <message>
        <source>Saved: the pages are turned upright.</source>
        <translation>Guardado: las páginas están giradas para leerse derechas.</translation>
    </message>
    <message>
        <source>Saved: the pages are shown as they were scanned.</source>
        <translation>Guardado: las páginas se muestran tal como se escanearon.</translation>
    </message>
    <message>
        <source>Ctrl+Z undoes it.</source>
        <translation>Ctrl+Z lo deshace.</translation>
    </message>
    <message>
        <source>There is nothing left to undo.</source>
        <translation>No queda nada por deshacer.</translation>
    </message>
    <message>
        <source>Undone: {0}.</source>
        <translation>Se deshizo: {0}.</translation>
    </message>
</context>
<context>
    <name>RecordType</name>
    <message>
        <source>Pathology report</source>
        <translation>Informe de patología</translation>
    </message>
    <message>
        <source>Operative report</source>
        <translation>Informe quirúrgico</translation>
    </message>
    <message>
        <source>Discharge summary</source>
        <translation>Resumen de alta</translation>
    </message>
    <message>
        <source>Treatment plan</source>
        <translation>Plan de tratamiento</translation>
    </message>
    <message>
        <source>Medication list</source>
        <translation>Lista de medicamentos</translation>
    </message>
    <message>
        <source>Imaging report</source>
        <translation>Informe de imágenes</translation>
    </message>
    <message>
        <source>Lab results</source>
        <translation>Resultados de laboratorio</translation>
    </message>
    <message>
        <source>Consultation note</source>
        <translation>Nota de consulta</translation>
    </message>
    <message>
        <source>Insurance paper</source>
        <translation>Documento del seguro</translation>
    </message>
    <message>
        <source>Other record</source>
        <translation>Otro documento</translation>
    </message>
</context>
<context>
    <name>RecordsPage</name>
    <message>
        <source>Records</source>
        <translation>Documentos</translation>
    </message>
    <message>
        <source>&amp;Add records…</source>
        <translation>&amp;Agregar documentos…</translation>
    </message>
    <message>
        <source>Add records</source>
        <translation>Agregar documentos</translation>
    </message>
    <message>
        <source>&amp;Undo last change</source>
        <translation>&amp;Deshacer el último cambio</translation>
    </message>
    <message>
        <source>Undo last change</source>
        <translation>Deshacer el último cambio</translation>
    </message>
    <message>
        <source>Your records could not be loaded: %1</source>
        <translation>No se pudieron cargar sus documentos: %1</translation>
    </message>
    <message>
        <source>Opening the record…</source>
        <translation>Abriendo el documento…</translation>
    </message>
    <message>
        <source>This record could not be opened: %1</source>
        <translation>No se pudo abrir este documento: %1</translation>
    </message>
    <message>
        <source>Please choose whose records these are first.</source>
        <translation>Primero elija de quién son estos documentos.</translation>
    </message>
</context>
<context>
    <name>RecordsTable</name>
    <message>
        <source>Search titles, notes and the words inside records…</source>
        <translation>Buscar en títulos, notas y en las palabras dentro de los documentos…</translation>
    </message>
    <message>
        <source>Search records</source>
        <translation>Buscar documentos</translation>
    </message>
    <message>
        <source>Show records of type</source>
        <translation>Mostrar documentos del tipo</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Todos los tipos</translation>
    </message>
    <message>
        <source>Type not sure yet</source>
        <translation>Tipo todavía sin decidir</translation>
    </message>
    <message>
        <source>Search result</source>
        <translation>Resultado de la búsqueda</translation>
    </message>
    <message>
        <source>Your records</source>
        <translation>Sus documentos</translation>
    </message>
    <message>
        <source>No date</source>
        <translation>Sin fecha</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Páginas</translation>
    </message>
    <message>
        <source>Unsure type</source>
        <translation>Tipo dudoso</translation>
    </message>
    <message>
        <source>Scanned — needs text recognition</source>
        <translation>Escaneado: necesita reconocimiento de texto</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Buscar:</translation>
    </message>
    <message>
        <source>S&amp;how:</source>
        <translation>&amp;Mostrar:</translation>
    </message>
    <message>
        <source>No record holds these words. Try fewer words, or the start of a word.</source>
        <translation>Ningún documento tiene estas palabras. Pruebe con menos palabras o con el comienzo de una palabra.</translation>
    </message>
    <message>
        <source>The words are inside 1 record. Choose it to see the page where they are.</source>
        <translation>Las palabras están en 1 documento. Elíjalo para ver la página donde están.</translation>
    </message>
    <message>
        <source>The words are inside %1 records. Choose one to see the page where they are.</source>
        <translation>Las palabras están en %1 documentos. Elija uno para ver la página donde están.</translation>
    </message>
</context>
<context>
    <name>RecoverDialog</name>
    <message>
        <source>Use my recovery key</source>
        <translation>Usar mi clave de recuperación</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Clave de recuperación</translation>
    </message>
    <message>
        <source>&amp;New passphrase:</source>
        <translation>&amp;Nueva frase de contraseña:</translation>
    </message>
    <message>
        <source>&amp;Open and save new passphrase</source>
        <translation>&amp;Abrir y guardar la nueva frase de contraseña</translation>
    </message>
    <message>
        <source>Open the vault and save the new passphrase</source>
        <translation>Abrir la bóveda y guardar la nueva frase de contraseña</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Open with your recovery key</source>
        <translation>Abrir con su clave de recuperación</translation>
    </message>
    <message>
        <source>Type the recovery key from your recovery sheet. Spaces, dashes and small or capital letters do not matter. Then choose a new passphrase: you will use it from now on.</source>
        <translation>Escriba la clave de recuperación de su hoja de recuperación. No importan los espacios, los guiones ni las mayúsculas o minúsculas. Luego elija una nueva frase de contraseña: la usará de ahora en adelante.</translation>
    </message>
    <message>
        <source>Recovery &amp;key:</source>
        <translation>&amp;Clave de recuperación:</translation>
    </message>
    <message>
        <source>Opening the vault</source>
        <translation>Abriendo la bóveda</translation>
    </message>
    <message>
        <source>Opening the vault and saving your new passphrase… This takes a few seconds.</source>
        <translation>Abriendo la bóveda y guardando su nueva frase de contraseña… Esto tarda unos segundos.</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyPage</name>
    <message>
        <source>Recovery key</source>
        <translation>Clave de recuperación</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <source>Copy the recovery key</source>
        <translation>Copiar la clave de recuperación</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Guardar como PDF…</translation>
    </message>
    <message>
        <source>Save the recovery sheet as a PDF file</source>
        <translation>Guardar la hoja de recuperación como archivo PDF</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <source>Print the recovery sheet</source>
        <translation>Imprimir la hoja de recuperación</translation>
    </message>
    <message>
        <source>Printing is not available on this computer. Save as PDF, then print that file.</source>
        <translation>No se puede imprimir en esta computadora. Guárdela como PDF y luego imprima ese archivo.</translation>
    </message>
    <message>
        <source>I have &amp;written down or saved my recovery key</source>
        <translation>&amp;Ya anoté o guardé mi clave de recuperación</translation>
    </message>
    <message>
        <source>Your recovery key</source>
        <translation>Su clave de recuperación</translation>
    </message>
    <message>
        <source>If you ever forget your passphrase, this key is the only way to open your vault. Write it down or save it now, and keep it somewhere safe and private. It will not be shown again.</source>
        <translation>Si alguna vez olvida su frase de contraseña, esta clave es la única forma de abrir su bóveda. Anótela o guárdela ahora, en un lugar seguro y privado. No se volverá a mostrar.</translation>
    </message>
    <message>
        <source>✓ Copied. Paste it somewhere safe, such as a password manager.</source>
        <translation>✓ Copiada. Péguela en un lugar seguro, como un administrador de contraseñas.</translation>
    </message>
    <message>
        <source>Save recovery sheet</source>
        <translation>Guardar la hoja de recuperación</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>✓ Saved to {0}</source>
        <translation>✓ Guardada en {0}</translation>
    </message>
    <message>
        <source>✓ Sent to the printer.</source>
        <translation>✓ Enviada a la impresora.</translation>
    </message>
</context>
<context>
    <name>RekeyDialog</name>
    <message>
        <source>Change passphrase and keys</source>
        <translation>Cambiar la frase de contraseña y las claves</translation>
    </message>
    <message>
        <source>&amp;New passphrase:</source>
        <translation>&amp;Nueva frase de contraseña:</translation>
    </message>
    <message>
        <source>Changing the keys</source>
        <translation>Cambiando las claves</translation>
    </message>
    <message>
        <source>&amp;Change passphrase and keys</source>
        <translation>&amp;Cambiar la frase de contraseña y las claves</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>&amp;Listo</translation>
    </message>
    <message>
        <source>Use this if someone may know your passphrase or may have seen your recovery key. The vault gets new keys and every file in it is encrypted again. After that, old passphrases, old recovery keys and old copies of key files no longer open it, and this computer no longer remembers it. You will get a new recovery key. Other computers that share this vault need the new passphrase.</source>
        <translation>Use esta opción si alguien puede conocer su frase de contraseña o puede haber visto su clave de recuperación. La bóveda recibe claves nuevas y cada archivo se cifra de nuevo. Después, las frases de contraseña antiguas, las claves de recuperación antiguas y las copias antiguas de los archivos de claves ya no la abren, y esta computadora deja de recordarla. Usted recibirá una clave de recuperación nueva. Las otras computadoras que comparten esta bóveda necesitarán la nueva frase de contraseña.</translation>
    </message>
    <message>
        <source>Changing the keys and encrypting every file again… This can take a while for a big vault.</source>
        <translation>Cambiando las claves y cifrando de nuevo cada archivo… Esto puede tardar un poco en una bóveda grande.</translation>
    </message>
</context>
<context>
    <name>RequestDialog</name>
    <message>
        <source>Ask for records</source>
        <translation>Pedir documentos</translation>
    </message>
    <message>
        <source>Hospital or office you are asking</source>
        <translation>Hospital o consultorio al que le pide</translation>
    </message>
    <message>
        <source>Their address, for the letter</source>
        <translation>Su dirección, para la carta</translation>
    </message>
    <message>
        <source>Street; town (use ; between lines)</source>
        <translation>Calle; ciudad (use ; entre líneas)</translation>
    </message>
    <message>
        <source>Other records</source>
        <translation>Otros documentos</translation>
    </message>
    <message>
        <source>Other records, e.g. blood tests</source>
        <translation>Otros documentos, p. ej., análisis de sangre</translation>
    </message>
    <message>
        <source>How you ask</source>
        <translation>Cómo lo pide</translation>
    </message>
    <message>
        <source>Medical-records department</source>
        <translation>Departamento de expedientes médicos</translation>
    </message>
    <message>
        <source>The doctor's office</source>
        <translation>El consultorio del médico</translation>
    </message>
    <message>
        <source>The patient portal</source>
        <translation>El portal del paciente</translation>
    </message>
    <message>
        <source>How the copies should come</source>
        <translation>Cómo deben llegar las copias</translation>
    </message>
    <message>
        <source>By mail</source>
        <translation>Por correo postal</translation>
    </message>
    <message>
        <source>By secure email</source>
        <translation>Por correo electrónico seguro</translation>
    </message>
    <message>
        <source>Through the patient portal</source>
        <translation>Por el portal del paciente</translation>
    </message>
    <message>
        <source>I will pick them up</source>
        <translation>Las recogeré en persona</translation>
    </message>
    <message>
        <source>By fax</source>
        <translation>Por fax</translation>
    </message>
    <message>
        <source>When you asked</source>
        <translation>Cuándo lo pidió</translation>
    </message>
    <message>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <source>Remind me to call after</source>
        <translation>Recordarme llamar después de</translation>
    </message>
    <message>
        <source>A line for the letter</source>
        <translation>Una línea para la carta</translation>
    </message>
    <message>
        <source>Which records?</source>
        <translation>¿Qué documentos?</translation>
    </message>
    <message>
        <source>&amp;Whom are you asking?</source>
        <translation>¿A &amp;quién se lo pide?</translation>
    </message>
    <message>
        <source>Their &amp;address:</source>
        <translation>Su &amp;dirección:</translation>
    </message>
    <message>
        <source>&amp;How do you ask?</source>
        <translation>¿&amp;Cómo lo pide?</translation>
    </message>
    <message>
        <source>How should the copies &amp;come?</source>
        <translation>¿Cómo deben &amp;llegar las copias?</translation>
    </message>
    <message>
        <source>Asked &amp;on:</source>
        <translation>&amp;Pedido el:</translation>
    </message>
    <message>
        <source>&amp;Remind me to call after:</source>
        <translation>&amp;Recordarme llamar después de:</translation>
    </message>
    <message>
        <source>A &amp;line for the letter:</source>
        <translation>&amp;Una línea para la carta:</translation>
    </message>
    <message>
        <source>Most hospitals have a medical-records department that sends copies. Save the request here, then print the letter, sign it and send it.</source>
        <translation>La mayoría de los hospitales tienen un departamento de expedientes médicos que envía copias. Guarde aquí la solicitud, luego imprima la carta, fírmela y envíela.</translation>
    </message>
</context>
<context>
    <name>RequestsPage</name>
    <message>
        <source>Records requests</source>
        <translation>Solicitudes de documentos</translation>
    </message>
    <message>
        <source>Asked on</source>
        <translation>Pedido el</translation>
    </message>
    <message>
        <source>Asked whom</source>
        <translation>A quién</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Documentos</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Cómo</translation>
    </message>
    <message>
        <source>Call if nothing by</source>
        <translation>Llamar si no llega antes del</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>&amp;New request…</source>
        <translation>&amp;Nueva solicitud…</translation>
    </message>
    <message>
        <source>Mark &amp;received</source>
        <translation>Marcar &amp;recibido</translation>
    </message>
    <message>
        <source>&amp;Cancel request…</source>
        <translation>&amp;Cancelar solicitud…</translation>
    </message>
    <message>
        <source>&amp;Print letter…</source>
        <translation>&amp;Imprimir carta…</translation>
    </message>
    <message>
        <source>Save letter as P&amp;DF…</source>
        <translation>Guardar carta como P&amp;DF…</translation>
    </message>
    <message>
        <source>Printing is not available on this computer. Save the letter as a PDF and print that.</source>
        <translation>No se puede imprimir en esta computadora. Guarde la carta como PDF e imprima ese archivo.</translation>
    </message>
    <message>
        <source>Keep track of who you asked for records. Ask the doctor's office, the hospital's medical-records department, or use the patient portal. If nothing comes by the date shown, call them. Always keep a copy of what you get.</source>
        <translation>Lleve la cuenta de a quién le pidió documentos. Pídalos al consultorio del médico, al departamento de expedientes médicos del hospital o use el portal del paciente. Si no llega nada antes de la fecha indicada, llámelos. Guarde siempre una copia de lo que reciba.</translation>
    </message>
    <message>
        <source>✔ Received {0}</source>
        <translation>✔ Recibido el {0}</translation>
    </message>
    <message>
        <source>⊘ Cancelled</source>
        <translation>⊘ Cancelada</translation>
    </message>
    <message>
        <source>⚠ Call them now</source>
        <translation>⚠ Llámelos ahora</translation>
    </message>
    <message>
        <source>✉ Waiting</source>
        <translation>✉ En espera</translation>
    </message>
    <message>
        <source>✔ Saved. If nothing has come by {0}, call {1}.</source>
        <translation>✔ Guardada. Si no ha llegado nada para el {0}, llame a {1}.</translation>
    </message>
    <message>
        <source>Cancel request</source>
        <translation>Cancelar solicitud</translation>
    </message>
    <message>
        <source>Stop tracking the request to {0}? You can undo this.</source>
        <translation>¿Dejar de seguir la solicitud a {0}? Puede deshacerlo.</translation>
    </message>
    <message>
        <source>Records request - {0}.pdf</source>
        <translation>Solicitud de documentos - {0}.pdf</translation>
    </message>
    <message>
        <source>Save the letter as a PDF</source>
        <translation>Guardar la carta como PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>✔ Saved the letter to {0}. Print it, sign it and send it to {1}.</source>
        <translation>✔ Carta guardada en {0}. Imprímala, fírmela y envíela a {1}.</translation>
    </message>
    <message>
        <source>Print the letter to {0}</source>
        <translation>Imprimir la carta para {0}</translation>
    </message>
    <message>
        <source>✔ Sent the letter to the printer. Sign it and send it to {0}.</source>
        <translation>✔ Carta enviada a la impresora. Fírmela y envíela a {0}.</translation>
    </message>
</context>
<context>
    <name>ResourcesPage</name>
    <message>
        <source>Finding doctors and guidelines</source>
        <translation>Buscar médicos y guías</translation>
    </message>
    <message>
        <source>These links open in your web browser. This app does not go online by itself. The guidelines are written for doctors; use them to prepare questions, and talk about what they mean for you with your doctors.</source>
        <translation>Estos enlaces se abren en su navegador. Esta aplicación no se conecta a internet por sí sola. Las guías están escritas para médicos; úselas para preparar preguntas y hable con sus médicos sobre lo que significan para usted.</translation>
    </message>
    <message>
        <source>Finding doctors</source>
        <translation>Buscar médicos</translation>
    </message>
    <message>
        <source>Web address</source>
        <translation>Dirección web</translation>
    </message>
    <message>
        <source>Open in my browser ↗</source>
        <translation>Abrir en mi navegador ↗</translation>
    </message>
    <message>
        <source>Open {0} in my browser</source>
        <translation>Abrir {0} en mi navegador</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <source>only a faint hint</source>
        <translation>solo un leve indicio</translation>
    </message>
    <message>
        <source>about %1 % sure</source>
        <translation>seguros en un %1 % aproximadamente</translation>
    </message>
    <message>
        <source>What kind of record is this?</source>
        <translation>¿Qué tipo de documento es este?</translation>
    </message>
    <message>
        <source>Which record</source>
        <translation>Qué documento</translation>
    </message>
    <message>
        <source>What we saw in this record</source>
        <translation>Lo que vimos en este documento</translation>
    </message>
    <message>
        <source>Type of record</source>
        <translation>Tipo de documento</translation>
    </message>
    <message>
        <source>&amp;Choose the type:</source>
        <translation>&amp;Elija el tipo:</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Atrás</translation>
    </message>
    <message>
        <source>The record before (Alt+Left)</source>
        <translation>El documento anterior (Alt+Izquierda)</translation>
    </message>
    <message>
        <source>&amp;Save type and go on</source>
        <translation>&amp;Guardar el tipo y seguir</translation>
    </message>
    <message>
        <source>Decide &amp;later</source>
        <translation>Decidir &amp;después</translation>
    </message>
    <message>
        <source>Keep this record as “not sure” and go on</source>
        <translation>Dejar este documento como «no seguro» y seguir</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Terminar</translation>
    </message>
    <message>
        <source>Stop asking; the records left stay “not sure”</source>
        <translation>Dejar de preguntar; los documentos que quedan siguen como «no seguro»</translation>
    </message>
    <message>
        <source>Opening the record…</source>
        <translation>Abriendo el documento…</translation>
    </message>
    <message>
        <source>Record %1 of %2</source>
        <translation>Documento %1 de %2</translation>
    </message>
    <message>
        <source>Decide later and &amp;finish</source>
        <translation>Decidir después y &amp;terminar</translation>
    </message>
    <message>
        <source>%1 — our best guess</source>
        <translation>%1 — nuestra mejor suposición</translation>
    </message>
    <message>
        <source>We are not sure what kind of record this is. Please look at it and choose its type; your choice is what counts.</source>
        <translation>No estamos seguros de qué tipo de documento es este. Mírelo y elija su tipo, por favor; lo que usted elija es lo que cuenta.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Our best guesses: %1</source>
        <translation>Nuestras mejores suposiciones: %1</translation>
    </message>
    <message>
        <source>What we saw in it:</source>
        <translation>Lo que vimos en él:</translation>
    </message>
    <message>
        <source>We found no headings or phrases that tell us its type.</source>
        <translation>No encontramos títulos ni frases que nos digan su tipo.</translation>
    </message>
</context>
<context>
    <name>SentLogModel</name>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Para</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Cómo</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>(nobody named)</source>
        <translation>(sin nombre)</translation>
    </message>
    <message>
        <source>{0} records, {1} pages</source>
        <translation>{0} documentos, {1} páginas</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> minutos</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nunca</translation>
    </message>
    <message>
        <source>Lock after this many minutes without use</source>
        <translation>Bloquear después de estos minutos sin uso</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Igual que el sistema</translation>
    </message>
    <message>
        <source>Text size, in percent of normal</source>
        <translation>Tamaño del texto, en porcentaje del normal</translation>
    </message>
    <message>
        <source>The new language takes effect the next time you open the app.</source>
        <translation>El nuevo idioma se verá la próxima vez que abra la aplicación.</translation>
    </message>
    <message>
        <source>&amp;Lock the vault after:</source>
        <translation>&amp;Bloquear la bóveda después de:</translation>
    </message>
    <message>
        <source>Email &amp;size limit for packets:</source>
        <translation>Límite de &amp;tamaño de correo para paquetes:</translation>
    </message>
    <message>
        <source>&amp;Text size:</source>
        <translation>&amp;Tamaño del texto:</translation>
    </message>
    <message>
        <source>Lan&amp;guage:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>&amp;Dates like 3/12/2024 mean:</source>
        <translation>&amp;Las fechas como 3/12/2024 significan:</translation>
    </message>
    <message>
        <source>When nobody uses the app for this long, the vault locks and your records are hidden until you type your passphrase again. Colours follow your computer's light or dark setting.</source>
        <translation>Cuando nadie usa la aplicación durante ese tiempo, la bóveda se bloquea y sus documentos se ocultan hasta que vuelva a escribir su frase de contraseña. Los colores siguen el modo claro u oscuro de su computadora.</translation>
    </message>
    <message>
        <source>How dates like 3/12/2024 are read</source>
        <translation>Cómo se leen fechas como 3/12/2024</translation>
    </message>
    <message>
        <source>Follow this computer</source>
        <translation>Como en esta computadora</translation>
    </message>
    <message>
        <source>Month first: March 12, 2024</source>
        <translation>Primero el mes: 12 de marzo de 2024</translation>
    </message>
    <message>
        <source>Day first: 3 December 2024</source>
        <translation>Primero el día: 3 de diciembre de 2024</translation>
    </message>
</context>
<context>
    <name>SizeLimitChooser</name>
    <message>
        <source>Size limit</source>
        <translation>Límite de tamaño</translation>
    </message>
    <message>
        <source>No limit: one file</source>
        <translation>Sin límite: un solo archivo</translation>
    </message>
    <message>
        <source>20 MB (Outlook and most others)</source>
        <translation>20 MB (Outlook y la mayoría de los demás)</translation>
    </message>
    <message>
        <source>25 MB (Gmail, Yahoo)</source>
        <translation>25 MB (Gmail, Yahoo)</translation>
    </message>
    <message>
        <source>Another size…</source>
        <translation>Otro tamaño…</translation>
    </message>
    <message>
        <source>Size limit in megabytes</source>
        <translation>Límite de tamaño en megabytes</translation>
    </message>
</context>
<context>
    <name>SnippetDelegate</name>
    <message>
        <source>p. %1: </source>
        <translation>pág. %1: </translation>
    </message>
</context>
<context>
    <name>StartScreen</name>
    <message>
        <source>&amp;Create a vault</source>
        <translation>&amp;Crear una bóveda</translation>
    </message>
    <message>
        <source>Create a vault</source>
        <translation>Crear una bóveda</translation>
    </message>
    <message>
        <source>Start a new, locked folder for your medical records.</source>
        <translation>Empiece una carpeta nueva y protegida para sus documentos médicos.</translation>
    </message>
    <message>
        <source>&amp;Open a vault</source>
        <translation>&amp;Abrir una bóveda</translation>
    </message>
    <message>
        <source>Open a vault</source>
        <translation>Abrir una bóveda</translation>
    </message>
    <message>
        <source>Open a vault you made before.</source>
        <translation>Abra una bóveda que creó antes.</translation>
    </message>
    <message>
        <source>&amp;Try the demo</source>
        <translation>&amp;Probar la demostración</translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation>Probar la demostración</translation>
    </message>
    <message>
        <source>Open a vault of made-up records to look around. Nothing of yours goes in it.</source>
        <translation>Abra una bóveda con documentos inventados para explorar. No se guarda nada suyo en ella.</translation>
    </message>
    <message>
        <source>New here? Try the demo first: it opens a vault of made-up records so you can see how everything works.</source>
        <translation>¿Es nuevo aquí? Pruebe primero la demostración: abre una bóveda con documentos inventados para que vea cómo funciona todo.</translation>
    </message>
    <message>
        <source>&amp;Recently opened vault folders:</source>
        <translation>Carpetas de bóvedas abiertas &amp;recientemente:</translation>
    </message>
    <message>
        <source>Recently opened vault folders</source>
        <translation>Carpetas de bóvedas abiertas recientemente</translation>
    </message>
    <message>
        <source>Open &amp;selected</source>
        <translation>Abrir la &amp;seleccionada</translation>
    </message>
    <message>
        <source>Open the selected vault folder</source>
        <translation>Abrir la carpeta de bóveda seleccionada</translation>
    </message>
    <message>
        <source>Remove from &amp;list</source>
        <translation>&amp;Quitar de la lista</translation>
    </message>
    <message>
        <source>Remove the selected folder from this list</source>
        <translation>Quitar de esta lista la carpeta seleccionada</translation>
    </message>
    <message>
        <source>Second Opinion Organizer</source>
        <translation>Organizador para una Segunda Opinión</translation>
    </message>
    <message>
        <source>Keep your medical records together in one safe place on this computer, and get them ready for a second-opinion doctor. Everything stays locked on this computer unless you choose to share it.</source>
        <translation>Guarde sus documentos médicos juntos en un lugar seguro de esta computadora y prepárelos para el médico que le dará una segunda opinión. Todo queda protegido en esta computadora, a menos que usted decida compartirlo.</translation>
    </message>
</context>
<context>
    <name>StudyTree</name>
    <message>
        <source>Imaging studies</source>
        <translation>Estudios de imágenes</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Body part</source>
        <translation>Parte del cuerpo</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Imágenes</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>(no description)</source>
        <translation>(sin descripción)</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>sin fecha</translation>
    </message>
    <message>
        <source>Patient: {0}</source>
        <translation>Paciente: {0}</translation>
    </message>
    <message>
        <source>From the disc: {0}</source>
        <translation>Del disco: {0}</translation>
    </message>
    <message>
        <source>Series {0}</source>
        <translation>Serie {0}</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Serie</translation>
    </message>
    <message>
        <source>No preview: these images are compressed in a way we cannot show. They are kept and copied unchanged.</source>
        <translation>Sin vista previa: estas imágenes están comprimidas de una forma que no podemos mostrar. Se guardan y se copian sin cambios.</translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>Undo the last change</source>
        <translation>Deshacer el último cambio</translation>
    </message>
    <message>
        <source>Undo the last change (Ctrl+Z)</source>
        <translation>Deshacer el último cambio (Ctrl+Z)</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Open a vault</source>
        <translation>Abrir una bóveda</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <source>Re&amp;member on this computer (no passphrase needed here next time)</source>
        <translation>Re&amp;cordar en esta computadora (aquí no se pedirá la frase de contraseña la próxima vez)</translation>
    </message>
    <message>
        <source>Remember on this computer</source>
        <translation>Recordar en esta computadora</translation>
    </message>
    <message>
        <source>Only tick this on a computer that only you use: anyone who uses this computer account could then open the vault.</source>
        <translation>Márquelo solo en una computadora que use únicamente usted: cualquier persona que use esta cuenta de la computadora podría abrir la bóveda.</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Desbloquear</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Use my &amp;recovery key instead</source>
        <translation>Usar mi clave de &amp;recuperación</translation>
    </message>
    <message>
        <source>Use my recovery key instead</source>
        <translation>Usar mi clave de recuperación</translation>
    </message>
    <message>
        <source>Unlock your vault</source>
        <translation>Desbloquee su bóveda</translation>
    </message>
    <message>
        <source>Vault folder: {0}</source>
        <translation>Carpeta de la bóveda: {0}</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Frase de contraseña:</translation>
    </message>
    <message>
        <source>Unlocking</source>
        <translation>Desbloqueando</translation>
    </message>
    <message>
        <source>Unlocking… This takes a moment.</source>
        <translation>Desbloqueando… Esto tarda un momento.</translation>
    </message>
</context>
<context>
    <name>VaultDetailsPage</name>
    <message>
        <source>Vault folder</source>
        <translation>Carpeta de la bóveda</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Examinar…</translation>
    </message>
    <message>
        <source>Choose the vault folder</source>
        <translation>Elegir la carpeta de la bóveda</translation>
    </message>
    <message>
        <source>Person's name</source>
        <translation>Nombre de la persona</translation>
    </message>
    <message>
        <source>For example: Maria Lopez</source>
        <translation>Por ejemplo: María López</translation>
    </message>
    <message>
        <source>Date of birth (optional)</source>
        <translation>Fecha de nacimiento (opcional)</translation>
    </message>
    <message>
        <source>Phone (optional)</source>
        <translation>Teléfono (opcional)</translation>
    </message>
    <message>
        <source>Email (optional)</source>
        <translation>Correo electrónico (opcional)</translation>
    </message>
    <message>
        <source>Address (optional)</source>
        <translation>Dirección (opcional)</translation>
    </message>
    <message>
        <source>For example: maria@example.org</source>
        <translation>Por ejemplo: maria@example.org</translation>
    </message>
    <message>
        <source>Create a vault</source>
        <translation>Crear una bóveda</translation>
    </message>
    <message>
        <source>A vault is a folder on this computer where your medical records are kept locked (encrypted). Only someone with your passphrase can open it.</source>
        <translation>Una bóveda es una carpeta de esta computadora donde sus documentos médicos se guardan bajo llave (cifrados). Solo alguien con su frase de contraseña puede abrirla.</translation>
    </message>
    <message>
        <source>Whose records? &amp;Name:</source>
        <translation>¿De quién son los documentos? &amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;Date of birth:</source>
        <translation>&amp;Fecha de nacimiento:</translation>
    </message>
    <message>
        <source>Optional. Type it the way you usually write it, for example 23 April 1961, or use the calendar.</source>
        <translation>Opcional. Escríbala como la escribe normalmente, por ejemplo 23 de abril de 1961, o use el calendario.</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Teléfono:</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;Correo electrónico:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>Direcci&amp;ón:</translation>
    </message>
    <message>
        <source>Optional. They go on record-request letters and on the packet's cover, so offices can reach you. You can change them later.</source>
        <translation>Opcional. Aparecen en las cartas para pedir documentos y en la portada del paquete, para que las oficinas puedan comunicarse con usted. Puede cambiarlos más adelante.</translation>
    </message>
    <message>
        <source>Vault &amp;folder:</source>
        <translation>&amp;Carpeta de la bóveda:</translation>
    </message>
    <message>
        <source>The vault needs an empty folder, or a new one. The suggested place is fine for most people.</source>
        <translation>La bóveda necesita una carpeta vacía o una nueva. El lugar sugerido sirve para la mayoría de las personas.</translation>
    </message>
    <message>
        <source>Choose a folder for the vault</source>
        <translation>Elija una carpeta para la bóveda</translation>
    </message>
</context>
<context>
    <name>VaultView</name>
    <message>
        <source>&amp;Whose records:</source>
        <translation>&amp;De quién son los documentos:</translation>
    </message>
    <message>
        <source>Whose records</source>
        <translation>De quién son los documentos</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>B&amp;loquear</translation>
    </message>
    <message>
        <source>Lock the vault</source>
        <translation>Bloquear la bóveda</translation>
    </message>
    <message>
        <source>Lock the vault (Ctrl+L)</source>
        <translation>Bloquear la bóveda (Ctrl+L)</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Secciones</translation>
    </message>
    <message>
        <source>Use the arrow keys to move between sections.</source>
        <translation>Use las flechas del teclado para moverse entre las secciones.</translation>
    </message>
    <message>
        <source>Vault folder: {0}</source>
        <translation>Carpeta de la bóveda: {0}</translation>
    </message>
    <message>
        <source>Add a person…</source>
        <translation>Agregar a una persona…</translation>
    </message>
</context>
<context>
    <name>WhoStep</name>
    <message>
        <source>Who is the packet for?</source>
        <translation>¿Para quién es el paquete?</translation>
    </message>
    <message>
        <source>Choose whose records go in it, and the doctor who gets it.</source>
        <translation>Elija de quién son los documentos que incluye y qué médico lo recibe.</translation>
    </message>
    <message>
        <source>Whose records</source>
        <translation>De quién son los documentos</translation>
    </message>
    <message>
        <source>Who gets the packet</source>
        <translation>Quién recibe el paquete</translation>
    </message>
    <message>
        <source>e.g. Dr. Lee, City Cancer Center</source>
        <translation>p. ej., Dra. Lee, Centro Oncológico de la Ciudad</translation>
    </message>
    <message>
        <source>Who sends the packet</source>
        <translation>Quién envía el paquete</translation>
    </message>
    <message>
        <source>&amp;Whose records:</source>
        <translation>&amp;De quién son los documentos:</translation>
    </message>
    <message>
        <source>&amp;For (doctor or clinic):</source>
        <translation>&amp;Para (médico o clínica):</translation>
    </message>
    <message>
        <source>Fr&amp;om (who sends it):</source>
        <translation>&amp;De (quién lo envía):</translation>
    </message>
    <message>
        <source>Both names are printed on the cover page, so the doctor's office knows the packet is meant for them and whom to call. To send it for someone in your family, add yourself as their contact with how you are related (for example, daughter).</source>
        <translation>Ambos nombres se imprimen en la portada, para que el consultorio sepa que el paquete es para ellos y a quién llamar. Para enviarlo en nombre de un familiar, agréguese como contacto de esa persona e indique su parentesco (por ejemplo, hija).</translation>
    </message>
</context>
<context>
    <name>WorkBar</name>
    <message>
        <source>Imaging progress</source>
        <translation>Avance de las imágenes</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancelar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>%v of %m {0}</source>
        <translation>%v de %m {0}</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{0} de {1}</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Deteniendo…</translation>
    </message>
</context>
<context>
    <name>_SavingDialog</name>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
</context>
<context>
    <name>checklist</name>
    <message>
        <source>Missing</source>
        <translation>Falta</translation>
    </message>
    <message>
        <source>Asked for</source>
        <translation>Pedido</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Recibido</translation>
    </message>
    <message>
        <source>Not needed</source>
        <translation>No se necesita</translation>
    </message>
    <message>
        <source>Ready (written by you)</source>
        <translation>Listo (escrito por usted)</translation>
    </message>
</context>
<context>
    <name>error_dialog</name>
    <message>
        <source>Something went wrong that we did not expect. Nothing was lost: your vault was not changed by this step. Please try again; if it happens again, the details below can help someone find the cause.</source>
        <translation>Ocurrió un problema que no esperábamos. No se perdió nada: este paso no cambió su bóveda. Vuelva a intentarlo; si vuelve a pasar, los detalles de abajo pueden ayudar a alguien a encontrar la causa.</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Ocurrió un problema</translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message>
        <source>Print recovery sheet</source>
        <translation>Imprimir la hoja de recuperación</translation>
    </message>
</context>
<context>
    <name>recent_vaults</name>
    <message>
        <source>in this app's own folder</source>
        <translation>en la carpeta propia de esta aplicación</translation>
    </message>
    <message>
        <source>in your home folder</source>
        <translation>en su carpeta personal</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>en %1</translation>
    </message>
</context>
<context>
    <name>records</name>
    <message>
        <source>Add records</source>
        <translation>Agregar documentos</translation>
    </message>
    <message>
        <source>Records (*.pdf *.PDF *.jpg *.JPG *.jpeg *.JPEG *.png *.PNG *.xml *.XML *.ccd *.ccda *.cda *.json *.ndjson *.zip *.ZIP);;PDFs and pictures (*.pdf *.PDF *.jpg *.JPG *.jpeg *.JPEG *.png *.PNG);;Patient-portal downloads (*.xml *.XML *.ccd *.ccda *.cda *.json *.ndjson *.zip *.ZIP);;All files (*)</source>
        <translation>Documentos (*.pdf *.PDF *.jpg *.JPG *.jpeg *.JPEG *.png *.PNG *.xml *.XML *.ccd *.ccda *.cda *.json *.ndjson *.zip *.ZIP);;PDF e imágenes (*.pdf *.PDF *.jpg *.JPG *.jpeg *.JPEG *.png *.PNG);;Descargas del portal del paciente (*.xml *.XML *.ccd *.ccda *.cda *.json *.ndjson *.zip *.ZIP);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importado</translation>
    </message>
    <message>
        <source>Already in the vault</source>
        <translation>Ya estaba en la bóveda</translation>
    </message>
    <message>
        <source>Needs a password</source>
        <translation>Necesita una contraseña</translation>
    </message>
    <message>
        <source>Could not be read</source>
        <translation>No se pudo leer</translation>
    </message>
    <message>
        <source>Not imported (stopped)</source>
        <translation>No importado (se detuvo)</translation>
    </message>
    <message>
        <source>No files were given.</source>
        <translation>No se dio ningún archivo.</translation>
    </message>
    <message>
        <source>Not sure — please choose</source>
        <translation>Dudoso: elija el tipo</translation>
    </message>
    <message>
        <source>Unsure type</source>
        <translation>Tipo dudoso</translation>
    </message>
    <message>
        <source>Scanned — needs text recognition</source>
        <translation>Escaneado: necesita reconocimiento de texto</translation>
    </message>
    <message>
        <source>Name does not match</source>
        <translation>El nombre no coincide</translation>
    </message>
    <message>
        <source>Left out of packet</source>
        <translation>Fuera del paquete</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Páginas</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>No date</source>
        <translation>Sin fecha</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(sin nombre)</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Página %1 de %2</translation>
    </message>
</context>
<context>
    <name>recovery_sheet</name>
    <message>
        <source>This key opens your Second Opinion Organizer vault if you forget your passphrase. It is the only way back in: nobody else can reset your passphrase for you.</source>
        <translation>Esta clave abre su bóveda del Organizador para una Segunda Opinión si olvida su frase de contraseña. Es la única forma de volver a entrar: nadie más puede restablecer su frase de contraseña por usted.</translation>
    </message>
    <message>
        <source>Vault folder</source>
        <translation>Carpeta de la bóveda</translation>
    </message>
    <message>
        <source>Made on</source>
        <translation>Creada el</translation>
    </message>
    <message>
        <source>How to use it</source>
        <translation>Cómo usarla</translation>
    </message>
    <message>
        <source>Open the app, choose “Open a vault”, pick the vault folder, then choose “Use my recovery key instead”. Type the key above and choose a new passphrase.</source>
        <translation>Abra la aplicación, elija “Abrir una bóveda”, escoja la carpeta de la bóveda y luego elija “Usar mi clave de recuperación”. Escriba la clave de arriba y elija una nueva frase de contraseña.</translation>
    </message>
    <message>
        <source>Keep it safe</source>
        <translation>Guárdela en un lugar seguro</translation>
    </message>
    <message>
        <source>Anyone who has this key and your vault folder can read your records. Keep this sheet somewhere private, such as with your important papers. Do not keep it in the same place as the vault folder.</source>
        <translation>Cualquier persona que tenga esta clave y la carpeta de su bóveda puede leer sus documentos. Guarde esta hoja en un lugar privado, por ejemplo, con sus papeles importantes. No la guarde en el mismo lugar que la carpeta de la bóveda.</translation>
    </message>
    <message>
        <source>Second Opinion Organizer — recovery sheet</source>
        <translation>Organizador para una Segunda Opinión — hoja de recuperación</translation>
    </message>
    <message>
        <source>Recovery sheet</source>
        <translation>Hoja de recuperación</translation>
    </message>
</context>
<context>
    <name>remember_vault</name>
    <message>
        <source>The vault is open, but this computer could not remember it: {0}</source>
        <translation>La bóveda está abierta, pero esta computadora no pudo recordarla: {0}</translation>
    </message>
    <message>
        <source>The vault is open, but this computer could not remember it. You can still open it with your passphrase.</source>
        <translation>La bóveda está abierta, pero esta computadora no pudo recordarla. Puede seguir abriéndola con su frase de contraseña.</translation>
    </message>
</context>
<context>
    <name>style</name>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
</context>
</TS>