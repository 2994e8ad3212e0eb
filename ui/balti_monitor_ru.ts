<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="ro_RO">
    <context>
        <name>ActionHeader</name>
        <message>
            <location filename="action_header.py" />
            <source>Subacțiunea</source>
            <translation>Подмероприятие</translation>
        </message>
        <message>
            <location filename="action_header.py" />
            <source>Acțiunea</source>
            <translation>Мероприятие</translation>
        </message>
        <message>
            <location filename="action_header.py" />
            <source>nespecificat</source>
            <translation>не указан</translation>
        </message>
        <message>
            <location filename="action_header.py" />
            <source>Termenul de realizare:</source>
            <translation>Срок выполнения:</translation>
        </message>
        <message>
            <location filename="action_header.py" />
            <source>Instituția responsabilă:</source>
            <translation>Ответственное учреждение:</translation>
        </message>
        <message>
            <location filename="action_header.py" />
            <source>Indicatori de progres:</source>
            <translation>Индикаторы прогресса:</translation>
        </message>
        <message>
            <location filename="action_header.py" />
            <source>(textele lor: butonul „Indicatorii” sau capetele coloanelor)</source>
            <translation>(их тексты: кнопка «Индикаторы» или заголовки столбцов)</translation>
        </message>
        <message>
            <location filename="action_header.py" />
            <source>niciuna</source>
            <translation>ни одного</translation>
        </message>
        <message>
            <location filename="action_header.py" />
            <source>F/B</source>
            <translation>Ж/М</translation>
        </message>
    </context>
    <context>
        <name>ActionPage</name>
        <message>
            <location filename="action_page.py" />
            <source>Comentariu de clari&amp;ficat la celula curentă…</source>
            <translation>Комментарий для &amp;уточнения к текущей ячейке…</translation>
        </message>
        <message>
            <location filename="action_page.py" />
            <source>Un comentariu de urmărit pe valoare, retur sau Total („de clarificat: 7 sau 8 acte?”)</source>
            <translation>Комментарий для отслеживания к значению, отчёту или итогу («уточнить: 7 или 8 актов?»)</translation>
        </message>
        <message>
            <location filename="action_page.py" />
            <source>Subdiviziuni &amp;responsabile…</source>
            <translation>&amp;Ответственные подразделения…</translation>
        </message>
        <message>
            <location filename="action_page.py" />
            <source>Adăugați sau eliminați subdiviziuni și bifați indicatorii la care răspund</source>
            <translation>Добавьте или удалите подразделения и отметьте индикаторы, за которые они отвечают</translation>
        </message>
        <message>
            <location filename="action_page.py" />
            <source>Introdu totalul &amp;manual…</source>
            <translation>Ввести итог в&amp;ручную…</translation>
        </message>
        <message>
            <location filename="action_page.py" />
            <source>Scrieți manual totalul coloanei selectate (se cere motivul); Ctrl+M</source>
            <translation>Ввести вручную итог выбранного столбца (требуется причина); Ctrl+M</translation>
        </message>
        <message>
            <location filename="action_page.py" />
            <source>Re&amp;vino la totalul calculat</source>
            <translation>Вернуть вычисленный &amp;итог</translation>
        </message>
        <message>
            <location filename="action_page.py" />
            <source>Indicatorii</source>
            <translation>Индикаторы</translation>
        </message>
        <message>
            <location filename="action_page.py" />
            <source>Arată sau ascunde textele indicatorilor în antet (sunt și pe capetele coloanelor)</source>
            <translation>Показать или скрыть тексты индикаторов в заголовке (они есть и в заголовках столбцов)</translation>
        </message>
        <message>
            <location filename="action_page.py" />
            <source>&lt;h3&gt;Nu există încă nicio perioadă de raportare.&lt;/h3&gt;&lt;p&gt;Creați prima perioadă cu butonul „Perioadă nouă…” din bara de instrumente.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;Пока нет ни одного отчётного периода.&lt;/h3&gt;&lt;p&gt;Создайте первый период кнопкой «Новый период…» на панели инструментов.&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="action_page.py" />
            <source>&lt;h3&gt;Alegeți o acțiune din arborele planului.&lt;/h3&gt;</source>
            <translation>&lt;h3&gt;Выберите мероприятие в дереве плана.&lt;/h3&gt;</translation>
        </message>
        <message>
            <location filename="action_page.py" />
            <source>Acțiunea {code} · numărul de subdiviziuni (coloana Descrierea măsurilor)</source>
            <translation>Мероприятие {code} · число подразделений (столбец «Описание принятых мер»)</translation>
        </message>
        <message>
            <location filename="action_page.py" />
            <source>Acțiunea {code} · Indicator {n}: {text}</source>
            <translation>Мероприятие {code} · Индикатор {n}: {text}</translation>
        </message>
        <message>
            <location filename="action_page.py" />
            <source>nu se calculează: {p}</source>
            <translation>не вычисляется: {p}</translation>
        </message>
        <message>
            <location filename="action_page.py" />
            <source>Indicator {n}</source>
            <translation>Индикатор {n}</translation>
        </message>
        <message>
            <location filename="action_page.py" />
            <source>numărul de subdiviziuni</source>
            <translation>число подразделений</translation>
        </message>
        <message>
            <location filename="action_page.py" />
            <source>Total calculat {code} · {what}</source>
            <translation>Вычисленный итог {code} · {what}</translation>
        </message>
        <message>
            <location filename="action_page.py" />
            <source>Total manual {code} · {what}</source>
            <translation>Итог вручную {code} · {what}</translation>
        </message>
        <message>
            <location filename="action_page.py" />
            <source>Confirmă constatarea</source>
            <translation>Подтвердить замечание</translation>
        </message>
        <message>
            <location filename="action_page.py" />
            <source>{where}
{message}

Nota (de ce rămâne așa); constatarea revine dacă datele se schimbă:</source>
            <translation>{where}
{message}

Примечание (почему остаётся так); замечание вернётся, если данные изменятся:</translation>
        </message>
        <message>
            <location filename="action_page.py" />
            <source>Constatarea nu a fost confirmată: scrieți o notă.</source>
            <translation>Замечание не подтверждено: напишите примечание.</translation>
        </message>
        <message>
            <location filename="action_page.py" />
            <source>Confirmare constatare {where}</source>
            <translation>Подтверждение замечания {where}</translation>
        </message>
        <message>
            <location filename="action_page.py" />
            <source>Redeschidere constatare {where}</source>
            <translation>Повторное открытие замечания {where}</translation>
        </message>
        <message>
            <location filename="action_page.py" />
            <source>Subdiviziuni responsabile {code}</source>
            <translation>Ответственные подразделения {code}</translation>
        </message>
        <message>
            <location filename="action_page.py" />
            <source>(de la {period})</source>
            <translation>(с {period})</translation>
        </message>
        <message>
            <location filename="action_page.py" />
            <source>Comentariu de clarificat</source>
            <translation>Комментарий для уточнения</translation>
        </message>
        <message>
            <location filename="action_page.py" />
            <source>{name}, coloana {column}: ce trebuie clarificat?</source>
            <translation>{name}, столбец {column}: что нужно уточнить?</translation>
        </message>
        <message>
            <location filename="action_page.py" />
            <source>Comentariu: {name}</source>
            <translation>Комментарий: {name}</translation>
        </message>
        <message>
            <location filename="action_page.py" />
            <source>Starea returului</source>
            <translation>Состояние отчёта</translation>
        </message>
        <message>
            <location filename="action_page.py" />
            <source>Marchează: {label}</source>
            <translation>Отметить: {label}</translation>
        </message>
        <message>
            <location filename="action_page.py" />
            <source>{name}: {label}</source>
            <translation>{name}: {label}</translation>
        </message>
        <message>
            <location filename="action_page.py" />
            <source>lipsește</source>
            <translation>отсутствует</translation>
        </message>
        <message>
            <location filename="action_page.py" />
            <source>nu răspunde</source>
            <translation>не отвечает</translation>
        </message>
        <message>
            <location filename="action_page.py" />
            <source>„-” (nerealizat)</source>
            <translation>«-» (не выполнено)</translation>
        </message>
        <message>
            <location filename="action_page.py" />
            <source>total manual</source>
            <translation>итог вручную</translation>
        </message>
        <message>
            <location filename="action_page.py" />
            <source>constatare</source>
            <translation>замечание</translation>
        </message>
        <message>
            <location filename="action_page.py" />
            <source>Subdiviziunea răspunde la indicator, dar valoarea nu este scrisă.</source>
            <translation>Подразделение отвечает за индикатор, но значение не записано.</translation>
        </message>
        <message>
            <location filename="action_page.py" />
            <source>Subdiviziunea nu răspunde la acest indicator (vezi „Subdiviziuni responsabile…”).</source>
            <translation>Подразделение не отвечает за этот индикатор (см. «Ответственные подразделения…»).</translation>
        </message>
        <message>
            <location filename="action_page.py" />
            <source>Valoare scrisă „-” sau „Nu este cazul”: nu este zero și, la numărul de subdiviziuni, contează ca nerealizat (restanță), ca în raportul original.</source>
            <translation>Записано «-» или «Nu este cazul» (не применимо): это не ноль, и в числе подразделений считается как невыполнение (задолженность), как в исходном отчёте.</translation>
        </message>
        <message>
            <location filename="action_page.py" />
            <source>Total scris manual, cu motiv (colț albastru).</source>
            <translation>Итог, введённый вручную, с причиной (синий уголок).</translation>
        </message>
        <message>
            <location filename="action_page.py" />
            <source>Celulă cu o constatare a verificărilor (colț roșu).</source>
            <translation>Ячейка с замечанием проверок (красный уголок).</translation>
        </message>
    </context>
    <context>
        <name>AnnualRulesDialog</name>
        <message>
            <location filename="annual_rules_dialog.py" />
            <source>Reguli anuale – acțiunea {code}</source>
            <translation>Годовые правила – мероприятие {code}</translation>
        </message>
        <message>
            <location filename="annual_rules_dialog.py" />
            <source>Cum rezultă valoarea anului din cele două semestre. Regula marcată „(implicit)” este dedusă din textul indicatorului; o cifră anuală trimisă de subdiviziune are întotdeauna prioritate.</source>
            <translation>Как значение за год получается из двух полугодий. Правило с пометкой «(по умолчанию)» выведено из текста индикатора; годовая цифра, присланная подразделением, всегда имеет приоритет.</translation>
        </message>
        <message>
            <location filename="annual_rules_dialog.py" />
            <source>Nr.</source>
            <translation>№</translation>
        </message>
        <message>
            <location filename="annual_rules_dialog.py" />
            <source>Indicatorul</source>
            <translation>Индикатор</translation>
        </message>
        <message>
            <location filename="annual_rules_dialog.py" />
            <source>Regula anuală</source>
            <translation>Годовое правило</translation>
        </message>
        <message>
            <location filename="annual_rules_dialog.py" />
            <source>{label} (implicit)</source>
            <translation>{label} (по умолчанию)</translation>
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <location filename="app.py" />
            <source>Fișier de date nou</source>
            <translation>Новый файл данных</translation>
        </message>
        <message>
            <location filename="app.py" />
            <source>Fișierul de date este nou și conține planul PLA 2023-2027, fără informații.

Deschideți datele demonstrative din raportul original S1-2023, pentru a explora programul?
(Se deschid într-un fișier separat, „DEMO”; fișierul dumneavoastră de lucru rămâne gol. Reveniți la el din Fișier → Deschide fișierul de date implicit.)</source>
            <translation>Файл данных новый и содержит план PLA 2023-2027 без сведений.

Открыть демонстрационные данные из исходного отчёта S1-2023, чтобы познакомиться с программой?
(Они открываются в отдельном файле «DEMO»; ваш рабочий файл остаётся пустым. Вернуться к нему можно через Файл → Открыть файл данных по умолчанию.)</translation>
        </message>
        <message>
            <location filename="app.py" />
            <source>Operația nu a fost făcută</source>
            <translation>Операция не выполнена</translation>
        </message>
        <message>
            <location filename="app.py" />
            <source>Eroare neprevăzută</source>
            <translation>Непредвиденная ошибка</translation>
        </message>
        <message>
            <location filename="app.py" />
            <source>A apărut o eroare neprevăzută: {error}

Datele deja introduse sunt salvate. Detaliile au fost scrise în {log}.</source>
            <translation>Произошла непредвиденная ошибка: {error}

Уже введённые данные сохранены. Подробности записаны в {log}.</translation>
        </message>
    </context>
    <context>
        <name>AutoBackupsDialog</name>
        <message>
            <location filename="auto_backups_dialog.py" />
            <source>Copiile automate ale fișierului &lt;b&gt;{name}&lt;/b&gt;, cea mai nouă prima. Se fac la fiecare deschidere, înainte de restaurări, de importuri și de actualizarea structurii fișierului.</source>
            <translation>Автоматические копии файла &lt;b&gt;{name}&lt;/b&gt;, самая новая первой. Создаются при каждом открытии, перед восстановлением, импортом и обновлением структуры файла.</translation>
        </message>
        <message>
            <location filename="auto_backups_dialog.py" />
            <source>Copiile automate ale datelor de pe serverul &lt;b&gt;{name}&lt;/b&gt;, cea mai nouă prima: fișiere SQLite complete, făcute înainte de restaurări, de importuri și de ștergeri.</source>
            <translation>Автоматические копии данных сервера &lt;b&gt;{name}&lt;/b&gt;, самая новая первой: полные файлы SQLite, создаваемые перед восстановлением, импортом и удалением.</translation>
        </message>
        <message>
            <location filename="auto_backups_dialog.ui" />
            <source>Copii automate</source>
            <translation>Автоматические копии</translation>
        </message>
        <message>
            <location filename="auto_backups_dialog.ui" />
            <source>Se &amp;păstrează ultimele</source>
            <translation>&amp;Хранить последние</translation>
        </message>
        <message>
            <location filename="auto_backups_dialog.ui" />
            <source>copii ale fiecărui fișier de date (cele mai vechi se șterg la următoarea copie automată).</source>
            <translation>копий каждого файла данных (самые старые удаляются при следующей автоматической копии).</translation>
        </message>
        <message>
            <location filename="auto_backups_dialog.ui" />
            <source>&amp;Restaurează copia selectată…</source>
            <translation>&amp;Восстановить выбранную копию…</translation>
        </message>
        <message>
            <location filename="auto_backups_dialog.ui" />
            <source>Deschide d&amp;osarul</source>
            <translation>Открыть &amp;папку</translation>
        </message>
    </context>
    <context>
        <name>AutoBackupsModel</name>
        <message>
            <location filename="auto_backups_dialog.py" />
            <source>Data</source>
            <translation>Дата</translation>
        </message>
        <message>
            <location filename="auto_backups_dialog.py" />
            <source>Motivul</source>
            <translation>Причина</translation>
        </message>
        <message>
            <location filename="auto_backups_dialog.py" />
            <source>Mărimea</source>
            <translation>Размер</translation>
        </message>
        <message>
            <location filename="auto_backups_dialog.py" />
            <source>Fișierul</source>
            <translation>Файл</translation>
        </message>
    </context>
    <context>
        <name>BackupActions</name>
        <message>
            <location filename="backup_actions.py" />
            <source>Creează &amp;copie de rezervă…</source>
            <translation>Создать &amp;резервную копию…</translation>
        </message>
        <message>
            <location filename="backup_actions.py" />
            <source>Un singur fișier verificat, cu toate datele, de trimis prin e-mail sau de păstrat</source>
            <translation>Один проверенный файл со всеми данными, чтобы отправить по e-mail или сохранить</translation>
        </message>
        <message>
            <location filename="backup_actions.py" />
            <source>Res&amp;taurează din copie…</source>
            <translation>Восстановить из &amp;копии…</translation>
        </message>
        <message>
            <location filename="backup_actions.py" />
            <source>Copii &amp;automate…</source>
            <translation>&amp;Автоматические копии…</translation>
        </message>
        <message>
            <location filename="backup_actions.py" />
            <source>&amp;Verifică un fișier…</source>
            <translation>&amp;Проверить файл…</translation>
        </message>
        <message>
            <location filename="backup_actions.py" />
            <source>Doar specialistul poate face copii de rezervă ale datelor de pe server și le poate restaura.</source>
            <translation>Только специалист может делать резервные копии данных сервера и восстанавливать их.</translation>
        </message>
        <message>
            <location filename="backup_actions.py" />
            <source>Fișiere Bălți Monitor (*.sqlite *.db);;Toate fișierele (*)</source>
            <translation>Файлы Bălți Monitor (*.sqlite *.db);;Все файлы (*)</translation>
        </message>
        <message>
            <location filename="backup_actions.py" />
            <source>Alegeți dosarul în care se salvează copia de rezervă</source>
            <translation>Выберите папку для сохранения резервной копии</translation>
        </message>
        <message>
            <location filename="backup_actions.py" />
            <source>Copia de rezervă a fost anulată.</source>
            <translation>Создание резервной копии отменено.</translation>
        </message>
        <message>
            <location filename="backup_actions.py" />
            <source>Copia de rezervă nu a fost creată</source>
            <translation>Резервная копия не создана</translation>
        </message>
        <message>
            <location filename="backup_actions.py" />
            <source>Copia de rezervă „{name}” a fost creată și verificată.</source>
            <translation>Резервная копия «{name}» создана и проверена.</translation>
        </message>
        <message>
            <location filename="backup_actions.py" />
            <source>Copia de rezervă a fost creată</source>
            <translation>Резервная копия создана</translation>
        </message>
        <message>
            <location filename="backup_actions.py" />
            <source>Fișierul se poate trimite prin e-mail ca atașament. Se deschide cu Fișier → Deschide alt fișier de date, sau se aduce înapoi cu Fișier → Restaurează din copie.</source>
            <translation>Файл можно отправить по e-mail как вложение. Он открывается через Файл → Открыть другой файл данных или возвращается через Файл → Восстановить из копии.</translation>
        </message>
        <message>
            <location filename="backup_actions.py" />
            <source>Copie de rezervă</source>
            <translation>Резервная копия</translation>
        </message>
        <message>
            <location filename="backup_actions.py" />
            <source>Se scrie copia datelor de pe server…</source>
            <translation>Записывается копия данных сервера…</translation>
        </message>
        <message>
            <location filename="backup_actions.py" />
            <source>Alegeți copia din care se restaurează datele</source>
            <translation>Выберите копию, из которой восстанавливаются данные</translation>
        </message>
        <message>
            <location filename="backup_actions.py" />
            <source>Copia nu poate fi folosită</source>
            <translation>Копию нельзя использовать</translation>
        </message>
        <message>
            <location filename="backup_actions.py" />
            <source>Restaurarea nu s-a făcut</source>
            <translation>Восстановление не выполнено</translation>
        </message>
        <message>
            <location filename="backup_actions.py" />
            <source>Datele au fost restaurate</source>
            <translation>Данные восстановлены</translation>
        </message>
        <message>
            <location filename="backup_actions.py" />
            <source>Alegeți fișierul de verificat</source>
            <translation>Выберите файл для проверки</translation>
        </message>
        <message>
            <location filename="backup_actions.py" />
            <source>Verificarea fișierului „{name}”</source>
            <translation>Проверка файла «{name}»</translation>
        </message>
    </context>
    <context>
        <name>ChangeLogDialog</name>
        <message>
            <location filename="change_log.py" />
            <source>Jurnalul modificărilor</source>
            <translation>Журнал изменений</translation>
        </message>
        <message>
            <location filename="change_log.py" />
            <source>Filtrează (acțiune, subdiviziune, cine, text)…</source>
            <translation>Фильтр (мероприятие, подразделение, кто, текст)…</translation>
        </message>
        <message>
            <location filename="change_log.py" />
            <source>Orice sursă</source>
            <translation>Любой источник</translation>
        </message>
        <message>
            <location filename="change_log.py" />
            <source>Orice modificare</source>
            <translation>Любое изменение</translation>
        </message>
        <message>
            <location filename="change_log.py" />
            <source>Doar celula selectată</source>
            <translation>Только выбранная ячейка</translation>
        </message>
        <message>
            <location filename="change_log.py" />
            <source>Doar modificările celulei curente din grilă (valoare, descriere, Total)</source>
            <translation>Только изменения текущей ячейки таблицы (значение, описание, итог)</translation>
        </message>
        <message>
            <location filename="change_log.py" />
            <source>Exportă în Excel…</source>
            <translation>Экспорт в Excel…</translation>
        </message>
        <message>
            <location filename="change_log.py" />
            <source>Nicio perioadă afișată.</source>
            <translation>Период не показан.</translation>
        </message>
        <message>
            <location filename="change_log.py" />
            <source>Modificările celulei selectate — {code}</source>
            <translation>Изменения выбранной ячейки — {code}</translation>
        </message>
        <message>
            <location filename="change_log.py" />
            <source>Modificările perioadei {code}</source>
            <translation>Изменения периода {code}</translation>
        </message>
        <message numerus="yes">
            <location filename="change_log.py" />
            <source>{shown} din %n modificări (cele mai noi sus).</source>
            <translation>
                <numerusform>{shown} из %n изменения (новые сверху).</numerusform>
                <numerusform>{shown} из %n изменений (новые сверху).</numerusform>
                <numerusform>{shown} из %n изменений (новые сверху).</numerusform>
            </translation>
        </message>
        <message>
            <location filename="change_log.py" />
            <source>Exportă jurnalul modificărilor</source>
            <translation>Экспорт журнала изменений</translation>
        </message>
        <message>
            <location filename="change_log.py" />
            <source>Registre Excel (*.xlsx)</source>
            <translation>Книги Excel (*.xlsx)</translation>
        </message>
        <message>
            <location filename="change_log.py" />
            <source>Jurnalul modificărilor — {code}</source>
            <translation>Журнал изменений — {code}</translation>
        </message>
        <message>
            <location filename="change_log.py" />
            <source>Exportul jurnalului</source>
            <translation>Экспорт журнала</translation>
        </message>
        <message>
            <location filename="change_log.py" />
            <source>Jurnalul a fost salvat în „{path}”.</source>
            <translation>Журнал сохранён в «{path}».</translation>
        </message>
    </context>
    <context>
        <name>ChangeLogModel</name>
        <message>
            <location filename="change_log.py" />
            <source>Data și ora</source>
            <translation>Дата и время</translation>
        </message>
        <message>
            <location filename="change_log.py" />
            <source>Cine</source>
            <translation>Кто</translation>
        </message>
        <message>
            <location filename="change_log.py" />
            <source>Sursa</source>
            <translation>Источник</translation>
        </message>
        <message>
            <location filename="change_log.py" />
            <source>Ce</source>
            <translation>Что</translation>
        </message>
        <message>
            <location filename="change_log.py" />
            <source>Perioada</source>
            <translation>Период</translation>
        </message>
        <message>
            <location filename="change_log.py" />
            <source>Acțiunea</source>
            <translation>Мероприятие</translation>
        </message>
        <message>
            <location filename="change_log.py" />
            <source>Subdiviziunea</source>
            <translation>Подразделение</translation>
        </message>
        <message>
            <location filename="change_log.py" />
            <source>Coloana</source>
            <translation>Столбец</translation>
        </message>
        <message>
            <location filename="change_log.py" />
            <source>Câmpul</source>
            <translation>Поле</translation>
        </message>
        <message>
            <location filename="change_log.py" />
            <source>Text vechi</source>
            <translation>Старый текст</translation>
        </message>
        <message>
            <location filename="change_log.py" />
            <source>Text nou</source>
            <translation>Новый текст</translation>
        </message>
        <message>
            <location filename="change_log.py" />
            <source>Notă</source>
            <translation>Примечание</translation>
        </message>
    </context>
    <context>
        <name>ChangesModel</name>
        <message>
            <location filename="forms_preview_dialog.py" />
            <source>Tip</source>
            <translation>Тип</translation>
        </message>
        <message>
            <location filename="forms_preview_dialog.py" />
            <source>Acțiunea</source>
            <translation>Мероприятие</translation>
        </message>
        <message>
            <location filename="forms_preview_dialog.py" />
            <source>Rândul</source>
            <translation>Строка</translation>
        </message>
        <message>
            <location filename="forms_preview_dialog.py" />
            <source>Subdiviziunea</source>
            <translation>Подразделение</translation>
        </message>
        <message>
            <location filename="forms_preview_dialog.py" />
            <source>Valoarea actuală</source>
            <translation>Текущее значение</translation>
        </message>
        <message>
            <location filename="forms_preview_dialog.py" />
            <source>Valoarea din formular</source>
            <translation>Значение из формы</translation>
        </message>
    </context>
    <context>
        <name>CompletenessModel</name>
        <message>
            <location filename="completeness_page.py" />
            <source>Lipsă / total pe acțiune</source>
            <translation>Отсутствует / всего по мероприятию</translation>
        </message>
        <message>
            <location filename="completeness_page.py" />
            <source>fără formular</source>
            <translation>без формы</translation>
        </message>
        <message>
            <location filename="completeness_page.py" />
            <source>{name} · acțiunea {code}: {what}</source>
            <translation>{name} · мероприятие {code}: {what}</translation>
        </message>
        <message>
            <location filename="completeness_page.py" />
            <source>Subdiviziunea</source>
            <translation>Подразделение</translation>
        </message>
        <message>
            <location filename="completeness_page.py" />
            <source>Formularul</source>
            <translation>Форма</translation>
        </message>
    </context>
    <context>
        <name>CompletenessPage</name>
        <message>
            <location filename="completeness_page.py" />
            <source>Completitudinea returilor</source>
            <translation>Полнота отчётов</translation>
        </message>
        <message>
            <location filename="completeness_page.py" />
            <source>— lipsă   ½ parțial (lipsesc valori)   ! de corectat   ✓ primit   ✓✓ acceptat</source>
            <translation>— отсутствует   ½ частично (нет значений)   ! исправить   ✓ получен   ✓✓ принят</translation>
        </message>
        <message>
            <location filename="completeness_page.py" />
            <source>   · dublu clic: deschide returul · clic dreapta: starea verificării</source>
            <translation>   · двойной щелчок: открыть отчёт · правый щелчок: состояние проверки</translation>
        </message>
        <message>
            <location filename="completeness_page.py" />
            <source>Termenul (de ex. 15.07.2024)</source>
            <translation>Срок (например, 15.07.2024)</translation>
        </message>
        <message>
            <location filename="completeness_page.py" />
            <source>Lista restanțierilor…</source>
            <translation>Список должников…</translation>
        </message>
        <message>
            <location filename="completeness_page.py" />
            <source>Nicio perioadă afișată.</source>
            <translation>Период не показан.</translation>
        </message>
        <message>
            <location filename="completeness_page.py" />
            <source>Perioada {code}: {totals}.</source>
            <translation>Период {code}: {totals}.</translation>
        </message>
        <message>
            <location filename="completeness_page.py" />
            <source>Starea returului: {s}</source>
            <translation>Состояние отчёта: {s}</translation>
        </message>
        <message>
            <location filename="completeness_page.py" />
            <source>Deschide returul</source>
            <translation>Открыть отчёт</translation>
        </message>
        <message>
            <location filename="completeness_page.py" />
            <source>Marchează: {label}</source>
            <translation>Отметить: {label}</translation>
        </message>
        <message>
            <location filename="completeness_page.py" />
            <source>Lista restanțierilor</source>
            <translation>Список должников</translation>
        </message>
        <message>
            <location filename="completeness_page.py" />
            <source>Registre Excel (*.xlsx)</source>
            <translation>Книги Excel (*.xlsx)</translation>
        </message>
        <message>
            <location filename="completeness_page.py" />
            <source>Lista a fost salvată în „{path}”; mesajele pentru e-mail sunt în clipboard.</source>
            <translation>Список сохранён в «{path}»; сообщения для e-mail в буфере обмена.</translation>
        </message>
    </context>
    <context>
        <name>Conflict</name>
        <message>
            <location filename="conflict_dialog.py" />
            <source>descrierea</source>
            <translation>описание</translation>
        </message>
        <message>
            <location filename="conflict_dialog.py" />
            <source>indicatorul {n}</source>
            <translation>индикатор {n}</translation>
        </message>
        <message>
            <location filename="conflict_dialog.py" />
            <source>(gol)</source>
            <translation>(пусто)</translation>
        </message>
        <message>
            <location filename="conflict_dialog.py" />
            <source>&lt;p&gt;&lt;b&gt;{name}&lt;/b&gt;, {column}:&lt;br&gt;salvat între timp de altcineva: &lt;b&gt;{theirs}&lt;/b&gt;&lt;br&gt;valoarea dumneavoastră: &lt;b&gt;{mine}&lt;/b&gt;&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;{name}&lt;/b&gt;, {column}:&lt;br&gt;тем временем сохранено другим пользователем: &lt;b&gt;{theirs}&lt;/b&gt;&lt;br&gt;ваше значение: &lt;b&gt;{mine}&lt;/b&gt;&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="conflict_dialog.py" />
            <source>Celulă modificată de altcineva</source>
            <translation>Ячейка изменена другим пользователем</translation>
        </message>
        <message>
            <location filename="conflict_dialog.py" />
            <source>&amp;Păstrez valoarea mea</source>
            <translation>&amp;Оставить моё значение</translation>
        </message>
        <message>
            <location filename="conflict_dialog.py" />
            <source>&amp;Iau valoarea salvată</source>
            <translation>&amp;Принять сохранённое значение</translation>
        </message>
        <message>
            <location filename="conflict_dialog.py" />
            <source>Altcineva a salvat aceste celule după ce le-ați deschis; nu s-a scris nimic peste valoarea lui.</source>
            <translation>Другой пользователь сохранил эти ячейки после того, как вы их открыли; его значения ничем не перезаписаны.</translation>
        </message>
        <message numerus="yes">
            <location filename="conflict_dialog.py" />
            <source>&lt;p&gt;… și încă %n celule.&lt;/p&gt;</source>
            <translation>
                <numerusform>&lt;p&gt;… и ещё %n ячейка.&lt;/p&gt;</numerusform>
                <numerusform>&lt;p&gt;… и ещё %n ячейки.&lt;/p&gt;</numerusform>
                <numerusform>&lt;p&gt;… и ещё %n ячеек.&lt;/p&gt;</numerusform>
            </translation>
        </message>
        <message>
            <location filename="conflict_dialog.py" />
            <source>Text modificat de altcineva</source>
            <translation>Текст изменён другим пользователем</translation>
        </message>
        <message>
            <location filename="conflict_dialog.py" />
            <source>Altcineva a salvat acest text după ce l-ați deschis; nu s-a scris nimic peste textul lui. Alegeți care text rămâne.</source>
            <translation>Кто-то другой сохранил этот текст после того, как вы его открыли; поверх его текста ничего не записано. Выберите, какой текст останется.</translation>
        </message>
        <message>
            <location filename="conflict_dialog.py" />
            <source>totalul calculat</source>
            <translation>вычисленный итог</translation>
        </message>
        <message>
            <location filename="conflict_dialog.py" />
            <source>{value} (motivul: {reason})</source>
            <translation>{value} (причина: {reason})</translation>
        </message>
        <message>
            <location filename="conflict_dialog.py" />
            <source>Altcineva a modificat acest total după ce l-ați deschis; nu s-a scris nimic peste valoarea lui.</source>
            <translation>Кто-то другой изменил этот итог после того, как вы его открыли; поверх его значения ничего не записано.</translation>
        </message>
        <message>
            <location filename="conflict_dialog.py" />
            <source>Totalul introdus manual</source>
            <translation>Итог, введённый вручную</translation>
        </message>
    </context>
    <context>
        <name>Demo</name>
        <message>
            <location filename="demo_file.py" />
            <source>Încărcarea datelor demonstrative</source>
            <translation>Загрузка демонстрационных данных</translation>
        </message>
        <message>
            <location filename="demo_file.py" />
            <source>Date demonstrative</source>
            <translation>Демонстрационные данные</translation>
        </message>
    </context>
    <context>
        <name>DescriptionEditor</name>
        <message>
            <location filename="cell_editors.py" />
            <source>Descrierea măsurilor întreprinse… (Ctrl+Enter pentru a salva)</source>
            <translation>Описание принятых мер… (Ctrl+Enter — сохранить)</translation>
        </message>
    </context>
    <context>
        <name>Dialogs</name>
        <message>
            <location filename="dialogs.py" />
            <source>Fișierul este deja deschis</source>
            <translation>Файл уже открыт</translation>
        </message>
        <message>
            <location filename="dialogs.py" />
            <source>Fișierul nu poate fi deschis</source>
            <translation>Файл невозможно открыть</translation>
        </message>
        <message>
            <location filename="dialogs.py" />
            <source>Fișierul de date „{path}” nu poate fi deschis.</source>
            <translation>Файл данных «{path}» невозможно открыть.</translation>
        </message>
        <message>
            <location filename="dialogs.py" />
            <source>&amp;Continuă cu copia automată</source>
            <translation>&amp;Продолжить с автоматической копией</translation>
        </message>
        <message>
            <location filename="dialogs.py" />
            <source>&amp;Renunță</source>
            <translation>&amp;Отказаться</translation>
        </message>
        <message>
            <location filename="dialogs.py" />
            <source>Deschide d&amp;osarul</source>
            <translation>Открыть &amp;папку</translation>
        </message>
        <message>
            <location filename="dialogs.py" />
            <source>Fișierul este în regulă.</source>
            <translation>Файл в порядке.</translation>
        </message>
        <message>
            <location filename="dialogs.py" />
            <source>Fișierul are probleme și nu poate fi folosit.</source>
            <translation>Файл повреждён, использовать его нельзя.</translation>
        </message>
        <message>
            <location filename="dialogs.py" />
            <source>Șablonul raportului Word</source>
            <translation>Шаблон отчёта Word</translation>
        </message>
        <message>
            <location filename="dialogs.py" />
            <source>&amp;Alege dosarul…</source>
            <translation>&amp;Выбрать папку…</translation>
        </message>
        <message>
            <location filename="dialogs.py" />
            <source>Folosește șablonul &amp;inclus</source>
            <translation>Использовать &amp;встроенный шаблон</translation>
        </message>
        <message>
            <location filename="dialogs.py" />
            <source>Fișierul de date „{path}” nu poate fi deschis.

{reason}

Alegeți alt fișier.</source>
            <translation>Файл данных «{path}» невозможно открыть.

{reason}

Выберите другой файл.</translation>
        </message>
        <message>
            <location filename="dialogs.py" />
            <source>Fișiere Bălți Monitor (*.sqlite *.db);;Toate fișierele (*)</source>
            <translation>Файлы Bălți Monitor (*.sqlite *.db);;Все файлы (*)</translation>
        </message>
        <message>
            <location filename="dialogs.py" />
            <source>Alegeți fișierul de date</source>
            <translation>Выберите файл данных</translation>
        </message>
        <message>
            <location filename="dialogs.py" />
            <source>Raportul a fost creat</source>
            <translation>Отчёт создан</translation>
        </message>
        <message>
            <location filename="dialogs.py" />
            <source>Raportul a fost salvat în:
{path}</source>
            <translation>Отчёт сохранён в:
{path}</translation>
        </message>
        <message>
            <location filename="dialogs.py" />
            <source>Deschide &amp;documentul</source>
            <translation>Открыть &amp;документ</translation>
        </message>
    </context>
    <context>
        <name>ExamplesDialog</name>
        <message>
            <location filename="examples_dialog.py" />
            <source>Adaugă un plan exemplu</source>
            <translation>Добавить пример плана</translation>
        </message>
        <message>
            <location filename="examples_dialog.py" />
            <source>Planuri din aceeași familie cu planul anticorupție, transcrise din documentele originale. Planul ales se adaugă în fișierul deschis, lângă planurile existente, și se alege din bara de instrumente (Planul).</source>
            <translation>Планы того же типа, что и антикоррупционный план, перенесённые из исходных документов. Выбранный план добавляется в открытый файл рядом с существующими планами и выбирается на панели инструментов (План).</translation>
        </message>
        <message>
            <location filename="examples_dialog.py" />
            <source>(este deja în acest fișier)</source>
            <translation>(уже есть в этом файле)</translation>
        </message>
        <message>
            <location filename="examples_dialog.py" />
            <source>Numele exemplului: {name}</source>
            <translation>Название примера: {name}</translation>
        </message>
        <message>
            <location filename="examples_dialog.py" />
            <source>&amp;Adaugă</source>
            <translation>&amp;Добавить</translation>
        </message>
        <message>
            <location filename="examples_dialog.py" />
            <source>Renunță</source>
            <translation>Отмена</translation>
        </message>
    </context>
    <context>
        <name>ExportActions</name>
        <message>
            <location filename="export_actions.py" />
            <source>&amp;Raportul semestrial (.docx)…</source>
            <translation>&amp;Полугодовой отчёт (.docx)…</translation>
        </message>
        <message>
            <location filename="export_actions.py" />
            <source>Creează raportul Word al perioadei afișate (Ctrl+E)</source>
            <translation>Создать отчёт Word за показанный период (Ctrl+E)</translation>
        </message>
        <message>
            <location filename="export_actions.py" />
            <source>Ș&amp;ablonul raportului…</source>
            <translation>&amp;Шаблон отчёта…</translation>
        </message>
        <message>
            <location filename="export_actions.py" />
            <source>Dosarul cu șablonul Word propriu, căutat înaintea celui inclus</source>
            <translation>Папка с собственным шаблоном Word, которая просматривается раньше встроенного</translation>
        </message>
        <message>
            <location filename="export_actions.py" />
            <source>Exportă tot fișierul în &amp;JSON…</source>
            <translation>Экспорт всего файла в &amp;JSON…</translation>
        </message>
        <message>
            <location filename="export_actions.py" />
            <source>&amp;Importă din JSON…</source>
            <translation>&amp;Импорт из JSON…</translation>
        </message>
        <message>
            <location filename="export_actions.py" />
            <source>Raportul se creează cu șablonul din dosarul ales:
{path}</source>
            <translation>Отчёт создаётся по шаблону из выбранной папки:
{path}</translation>
        </message>
        <message>
            <location filename="export_actions.py" />
            <source>Dosarul ales „{folder}” nu conține „{name}”; raportul se creează cu șablonul inclus în program.</source>
            <translation>В выбранной папке «{folder}» нет «{name}»; отчёт создаётся по встроенному в программу шаблону.</translation>
        </message>
        <message>
            <location filename="export_actions.py" />
            <source>Raportul se creează cu șablonul inclus în program. Puteți alege un dosar cu un șablon propriu („{name}”, modificat în Word: fonturi, antet, siglă, formulări); el se caută înaintea celui inclus.</source>
            <translation>Отчёт создаётся по встроенному в программу шаблону. Можно выбрать папку с собственным шаблоном («{name}», изменённым в Word: шрифты, шапка, логотип, формулировки); он просматривается раньше встроенного.</translation>
        </message>
        <message>
            <location filename="export_actions.py" />
            <source>Raportul se va crea cu șablonul inclus în program.</source>
            <translation>Отчёт будет создан по встроенному в программу шаблону.</translation>
        </message>
        <message>
            <location filename="export_actions.py" />
            <source>Alegeți dosarul cu șablonul raportului</source>
            <translation>Выберите папку с шаблоном отчёта</translation>
        </message>
        <message>
            <location filename="export_actions.py" />
            <source>Șablonul raportului</source>
            <translation>Шаблон отчёта</translation>
        </message>
        <message>
            <location filename="export_actions.py" />
            <source>Dosarul nu conține „{name}”. Copiați aici șablonul inclus, ca să-l puteți modifica în Word?</source>
            <translation>В папке нет «{name}». Скопировать сюда встроенный шаблон, чтобы его можно было изменить в Word?</translation>
        </message>
        <message>
            <location filename="export_actions.py" />
            <source>Șablonul nu a fost copiat</source>
            <translation>Шаблон не скопирован</translation>
        </message>
        <message>
            <location filename="export_actions.py" />
            <source>Șablonul nu a putut fi copiat în „{folder}”: {error}.</source>
            <translation>Не удалось скопировать шаблон в «{folder}»: {error}.</translation>
        </message>
        <message>
            <location filename="export_actions.py" />
            <source>Șablonul raportului se caută întâi în „{folder}”.</source>
            <translation>Шаблон отчёта сначала ищется в «{folder}».</translation>
        </message>
        <message>
            <location filename="export_actions.py" />
            <source>Raportul nu a fost creat</source>
            <translation>Отчёт не создан</translation>
        </message>
        <message>
            <location filename="export_actions.py" />
            <source>Raport PLA Bălți {code} (revizuire).docx</source>
            <translation>Raport PLA Bălți {code} (revizuire).docx</translation>
        </message>
        <message>
            <location filename="export_actions.py" />
            <source>Raport PLA Bălți {code}.docx</source>
            <translation>Raport PLA Bălți {code}.docx</translation>
        </message>
        <message>
            <location filename="export_actions.py" />
            <source>Salvează raportul semestrial</source>
            <translation>Сохранить полугодовой отчёт</translation>
        </message>
        <message>
            <location filename="export_actions.py" />
            <source>Salvează raportul anual</source>
            <translation>Сохранить годовой отчёт</translation>
        </message>
        <message>
            <location filename="export_actions.py" />
            <source>Document Word (*.docx)</source>
            <translation>Документ Word (*.docx)</translation>
        </message>
        <message>
            <location filename="export_actions.py" />
            <source>Raportul a fost salvat: {path}</source>
            <translation>Отчёт сохранён: {path}</translation>
        </message>
        <message>
            <location filename="export_actions.py" />
            <source>PDF-ul a fost salvat alături: {name}</source>
            <translation>PDF сохранён рядом: {name}</translation>
        </message>
        <message numerus="yes">
            <location filename="export_actions.py" />
            <source>Atenție: perioada are %n constatări ale verificărilor nerezolvate.</source>
            <translation>
                <numerusform>Внимание: в периоде %n нерешённое замечание проверок.</numerusform>
                <numerusform>Внимание: в периоде %n нерешённых замечания проверок.</numerusform>
                <numerusform>Внимание: в периоде %n нерешённых замечаний проверок.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="export_actions.py" />
            <source>Se pregătește raportul…</source>
            <translation>Подготовка отчёта…</translation>
        </message>
        <message>
            <location filename="export_actions.py" />
            <source>Anulează</source>
            <translation>Отмена</translation>
        </message>
        <message>
            <location filename="export_actions.py" />
            <source>Export Word</source>
            <translation>Экспорт в Word</translation>
        </message>
        <message>
            <location filename="export_actions.py" />
            <source>Se anulează…</source>
            <translation>Отмена…</translation>
        </message>
        <message>
            <location filename="export_actions.py" />
            <source>Exportul a fost anulat; nu s-a scris niciun fișier.</source>
            <translation>Экспорт отменён; ни один файл не записан.</translation>
        </message>
        <message>
            <location filename="export_actions.py" />
            <source>Exportă în JSON</source>
            <translation>Экспорт в JSON</translation>
        </message>
        <message>
            <location filename="export_actions.py" />
            <source>Fișier JSON (*.json)</source>
            <translation>Файл JSON (*.json)</translation>
        </message>
        <message>
            <location filename="export_actions.py" />
            <source>Exportul JSON a eșuat</source>
            <translation>Экспорт в JSON не удался</translation>
        </message>
        <message>
            <location filename="export_actions.py" />
            <source>Datele au fost exportate în {path}</source>
            <translation>Данные экспортированы в {path}</translation>
        </message>
        <message>
            <location filename="export_actions.py" />
            <source>Importă din JSON</source>
            <translation>Импорт из JSON</translation>
        </message>
        <message>
            <location filename="export_actions.py" />
            <source>Toate datele fișierului deschis vor fi înlocuite cu cele din „{name}”.
Datele de acum se salvează mai întâi într-o copie automată (Fișier → Copii automate), dar operația nu poate fi anulată cu Ctrl+Z. Continuați?</source>
            <translation>Все данные открытого файла будут заменены данными из «{name}».
Текущие данные сначала сохраняются в автоматическую копию (Файл → Автоматические копии), но операцию нельзя отменить через Ctrl+Z. Продолжить?</translation>
        </message>
        <message>
            <location filename="export_actions.py" />
            <source>Importul nu s-a făcut</source>
            <translation>Импорт не выполнен</translation>
        </message>
        <message>
            <location filename="export_actions.py" />
            <source>Datele din „{name}” au fost importate; cele de dinainte sunt păstrate în Fișier → Copii automate.</source>
            <translation>Данные из «{name}» импортированы; прежние сохранены в Файл → Автоматические копии.</translation>
        </message>
    </context>
    <context>
        <name>ExportJob</name>
        <message>
            <location filename="export_worker.py" />
            <source>Raportul nu a putut fi creat: {error}</source>
            <translation>Не удалось создать отчёт: {error}</translation>
        </message>
        <message>
            <location filename="export_worker.py" />
            <source>Se creează PDF-ul…</source>
            <translation>Создание PDF…</translation>
        </message>
        <message>
            <location filename="export_worker.py" />
            <source>Crearea PDF-ului a fost anulată; documentul Word a fost salvat.</source>
            <translation>Создание PDF отменено; документ Word сохранён.</translation>
        </message>
        <message>
            <location filename="export_worker.py" />
            <source>PDF-ul nu a fost creat: {error}</source>
            <translation>PDF не создан: {error}</translation>
        </message>
    </context>
    <context>
        <name>FileActions</name>
        <message>
            <location filename="file_actions.py" />
            <source>&amp;Deschide alt fișier de date…</source>
            <translation>&amp;Открыть другой файл данных…</translation>
        </message>
        <message>
            <location filename="file_actions.py" />
            <source>Deschide fișierul de date &amp;implicit</source>
            <translation>Открыть файл данных по &amp;умолчанию</translation>
        </message>
        <message>
            <location filename="file_actions.py" />
            <source>Deschide datele de&amp;monstrative S1-2023 (fișier separat)</source>
            <translation>Открыть &amp;демонстрационные данные S1-2023 (отдельный файл)</translation>
        </message>
        <message>
            <location filename="file_actions.py" />
            <source>&amp;Fișiere recente</source>
            <translation>&amp;Недавние файлы</translation>
        </message>
        <message>
            <location filename="file_actions.py" />
            <source>(niciunul)</source>
            <translation>(нет)</translation>
        </message>
    </context>
    <context>
        <name>FileOpening</name>
        <message>
            <location filename="file_opening.py" />
            <source>Copia nu a putut fi deschisă</source>
            <translation>Не удалось открыть копию</translation>
        </message>
        <message>
            <location filename="file_opening.py" />
            <source>Lucrați pe copia recuperată „{copy}” (din copia automată „{backup}”); fișierul „{damaged}” a rămas neatins.</source>
            <translation>Вы работаете с восстановленной копией «{copy}» (из автоматической копии «{backup}»); файл «{damaged}» остался нетронутым.</translation>
        </message>
    </context>
    <context>
        <name>FindingsModel</name>
        <message>
            <location filename="findings_view.py" />
            <source>Indicator {n}</source>
            <translation>Индикатор {n}</translation>
        </message>
        <message>
            <location filename="findings_view.py" />
            <source>Total</source>
            <translation>Итог</translation>
        </message>
        <message>
            <location filename="findings_view.py" />
            <source>Notă: {note}</source>
            <translation>Примечание: {note}</translation>
        </message>
    </context>
    <context>
        <name>FindingsPage</name>
        <message>
            <location filename="findings_page.py" />
            <source>Starea</source>
            <translation>Состояние</translation>
        </message>
        <message>
            <location filename="findings_page.py" />
            <source>Acțiunea</source>
            <translation>Мероприятие</translation>
        </message>
        <message>
            <location filename="findings_page.py" />
            <source>Subdiviziunea</source>
            <translation>Подразделение</translation>
        </message>
        <message>
            <location filename="findings_page.py" />
            <source>Indicator</source>
            <translation>Индикатор</translation>
        </message>
        <message>
            <location filename="findings_page.py" />
            <source>Tipul</source>
            <translation>Тип</translation>
        </message>
        <message>
            <location filename="findings_page.py" />
            <source>Constatarea</source>
            <translation>Замечание</translation>
        </message>
        <message>
            <location filename="findings_page.py" />
            <source>Nota</source>
            <translation>Примечание</translation>
        </message>
        <message>
            <location filename="findings_page.py" />
            <source>Constatările perioadei</source>
            <translation>Замечания за период</translation>
        </message>
        <message>
            <location filename="findings_page.py" />
            <source>Filtrează (acțiune, subdiviziune, text)…</source>
            <translation>Фильтр (мероприятие, подразделение, текст)…</translation>
        </message>
        <message>
            <location filename="findings_page.py" />
            <source>Orice tip</source>
            <translation>Любой тип</translation>
        </message>
        <message>
            <location filename="findings_page.py" />
            <source>Toate</source>
            <translation>Все</translation>
        </message>
        <message>
            <location filename="findings_page.py" />
            <source>Deschise</source>
            <translation>Открытые</translation>
        </message>
        <message>
            <location filename="findings_page.py" />
            <source>Confirmate</source>
            <translation>Подтверждённые</translation>
        </message>
        <message>
            <location filename="findings_page.py" />
            <source>{open}, {ack}; afișate {shown}.</source>
            <translation>{open}, {ack}; показано: {shown}.</translation>
        </message>
        <message numerus="yes">
            <location filename="findings_page.py" />
            <source>%n constatări deschise</source>
            <translation>
                <numerusform>%n открытое замечание</numerusform>
                <numerusform>%n открытых замечания</numerusform>
                <numerusform>%n открытых замечаний</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="findings_page.py" />
            <source>%n confirmate</source>
            <translation>
                <numerusform>%n подтверждённое</numerusform>
                <numerusform>%n подтверждённых</numerusform>
                <numerusform>%n подтверждённых</numerusform>
            </translation>
        </message>
        <message>
            <location filename="findings_page.py" />
            <source>Total</source>
            <translation>Итог</translation>
        </message>
    </context>
    <context>
        <name>FindingsView</name>
        <message>
            <location filename="findings_view.py" />
            <source>Confirmă constatarea (cu o notă)…</source>
            <translation>Подтвердить замечание (с примечанием)…</translation>
        </message>
        <message>
            <location filename="findings_view.py" />
            <source>Confirmă…</source>
            <translation>Подтвердить…</translation>
        </message>
        <message>
            <location filename="findings_view.py" />
            <source>Constatarea rămâne așa, cu o notă: trece la „Confirmate” și nu mai contează ca nerezolvată (revine dacă datele de sub ea se schimbă).</source>
            <translation>Замечание остаётся как есть, с примечанием: переходит в «Подтверждённые» и больше не считается нерешённым (вернётся, если данные под ним изменятся).</translation>
        </message>
        <message>
            <location filename="findings_view.py" />
            <source>Redeschide constatarea</source>
            <translation>Открыть замечание снова</translation>
        </message>
        <message>
            <location filename="findings_view.py" />
            <source>&lt;b&gt;Confirmate ({n})&lt;/b&gt; — nu mai contează ca nerezolvate.</source>
            <translation>&lt;b&gt;Подтверждённые ({n})&lt;/b&gt; — больше не считаются нерешёнными.</translation>
        </message>
        <message>
            <location filename="findings_view.py" />
            <source>&lt;b&gt;Constatările verificărilor ({n})&lt;/b&gt; — clic pe o constatare selectează celula.</source>
            <translation>&lt;b&gt;Замечания проверок ({n})&lt;/b&gt; — щелчок по замечанию выделяет ячейку.</translation>
        </message>
        <message>
            <location filename="findings_view.py" />
            <source>&lt;b&gt;Constatările verificărilor&lt;/b&gt; — nicio constatare pentru această acțiune.</source>
            <translation>&lt;b&gt;Замечания проверок&lt;/b&gt; — по этому мероприятию замечаний нет.</translation>
        </message>
    </context>
    <context>
        <name>FollowupsDialog</name>
        <message>
            <location filename="followups_dialog.py" />
            <source>Starea</source>
            <translation>Состояние</translation>
        </message>
        <message>
            <location filename="followups_dialog.py" />
            <source>Celula</source>
            <translation>Ячейка</translation>
        </message>
        <message>
            <location filename="followups_dialog.py" />
            <source>Comentariul</source>
            <translation>Комментарий</translation>
        </message>
        <message>
            <location filename="followups_dialog.py" />
            <source>Autorul</source>
            <translation>Автор</translation>
        </message>
        <message>
            <location filename="followups_dialog.py" />
            <source>Data</source>
            <translation>Дата</translation>
        </message>
        <message>
            <location filename="followups_dialog.py" />
            <source>Comentarii de clarificat</source>
            <translation>Комментарии для уточнения</translation>
        </message>
        <message>
            <location filename="followups_dialog.py" />
            <source>Și comentariile rezolvate sau fără urmărire</source>
            <translation>И решённые комментарии или без отслеживания</translation>
        </message>
        <message>
            <location filename="followups_dialog.py" />
            <source>Rezolvat</source>
            <translation>Решено</translation>
        </message>
        <message>
            <location filename="followups_dialog.py" />
            <source>Redeschide</source>
            <translation>Открыть снова</translation>
        </message>
        <message numerus="yes">
            <location filename="followups_dialog.py" />
            <source>Perioada {code}: %n comentarii de clarificat.</source>
            <translation>
                <numerusform>Период {code}: %n комментарий для уточнения.</numerusform>
                <numerusform>Период {code}: %n комментария для уточнения.</numerusform>
                <numerusform>Период {code}: %n комментариев для уточнения.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="followups_dialog.py" />
            <source>deschis</source>
            <translation>открыт</translation>
        </message>
        <message>
            <location filename="followups_dialog.py" />
            <source>rezolvat</source>
            <translation>решён</translation>
        </message>
        <message>
            <location filename="followups_dialog.py" />
            <source>notă</source>
            <translation>примечание</translation>
        </message>
        <message>
            <location filename="followups_dialog.py" />
            <source>Răspunsul subdiviziunii: {reply}</source>
            <translation>Ответ подразделения: {reply}</translation>
        </message>
        <message>
            <location filename="followups_dialog.py" />
            <source>Rezolvat: {place}</source>
            <translation>Решено: {place}</translation>
        </message>
        <message>
            <location filename="followups_dialog.py" />
            <source>Redeschis: {place}</source>
            <translation>Открыто снова: {place}</translation>
        </message>
    </context>
    <context>
        <name>FormStatusModel</name>
        <message>
            <location filename="forms_status_dialog.py" />
            <source>Subdiviziunea</source>
            <translation>Подразделение</translation>
        </message>
        <message>
            <location filename="forms_status_dialog.py" />
            <source>Cod</source>
            <translation>Код</translation>
        </message>
        <message>
            <location filename="forms_status_dialog.py" />
            <source>Starea</source>
            <translation>Состояние</translation>
        </message>
        <message>
            <location filename="forms_status_dialog.py" />
            <source>Negenerat</source>
            <translation>Не создана</translation>
        </message>
        <message>
            <location filename="forms_status_dialog.py" />
            <source>Generat</source>
            <translation>Создана</translation>
        </message>
        <message>
            <location filename="forms_status_dialog.py" />
            <source>Trimis</source>
            <translation>Отправлена</translation>
        </message>
        <message>
            <location filename="forms_status_dialog.py" />
            <source>Primit</source>
            <translation>Получена</translation>
        </message>
        <message>
            <location filename="forms_status_dialog.py" />
            <source>Importat</source>
            <translation>Импортирована</translation>
        </message>
        <message>
            <location filename="forms_status_dialog.py" />
            <source>De corectat</source>
            <translation>На исправление</translation>
        </message>
        <message>
            <location filename="forms_status_dialog.py" />
            <source>Nu s-a generat încă un formular pentru această perioadă.</source>
            <translation>Форма для этого периода ещё не создана.</translation>
        </message>
        <message>
            <location filename="forms_status_dialog.py" />
            <source>Ultimul fișier: {name}</source>
            <translation>Последний файл: {name}</translation>
        </message>
    </context>
    <context>
        <name>FormsActions</name>
        <message>
            <location filename="forms_actions.py" />
            <source>&amp;Generează formularele perioadei…</source>
            <translation>&amp;Создать формы периода…</translation>
        </message>
        <message>
            <location filename="forms_actions.py" />
            <source>Câte un registru Excel de completat pentru fiecare subdiviziune, pentru perioada afișată</source>
            <translation>По одной книге Excel для заполнения каждым подразделением за показанный период</translation>
        </message>
        <message>
            <location filename="forms_actions.py" />
            <source>&amp;Importă formulare completate…</source>
            <translation>&amp;Импорт заполненных форм…</translation>
        </message>
        <message>
            <location filename="forms_actions.py" />
            <source>&amp;Starea formularelor…</source>
            <translation>Состояние &amp;форм…</translation>
        </message>
        <message>
            <location filename="forms_actions.py" />
            <source>Formulare retur {code}</source>
            <translation>Formulare retur {code}</translation>
        </message>
        <message>
            <location filename="forms_actions.py" />
            <source>Formulare existente</source>
            <translation>Существующие формы</translation>
        </message>
        <message numerus="yes">
            <location filename="forms_actions.py" />
            <source>În dosarul „{folder}” există deja %n formulare ale perioadei {code}. Le înlocuiți cu formulare noi? (Formularele vechi completate de subdiviziuni se pot importa în continuare.)</source>
            <translation>
                <numerusform>В папке «{folder}» уже есть %n форма периода {code}. Заменить её новыми формами? (Старые формы, заполненные подразделениями, по-прежнему можно импортировать.)</numerusform>
                <numerusform>В папке «{folder}» уже есть %n формы периода {code}. Заменить их новыми формами? (Старые формы, заполненные подразделениями, по-прежнему можно импортировать.)</numerusform>
                <numerusform>В папке «{folder}» уже есть %n форм периода {code}. Заменить их новыми формами? (Старые формы, заполненные подразделениями, по-прежнему можно импортировать.)</numerusform>
            </translation>
        </message>
        <message>
            <location filename="forms_actions.py" />
            <source>Se generează formularele…</source>
            <translation>Создание форм…</translation>
        </message>
        <message>
            <location filename="forms_actions.py" />
            <source>Generarea formularelor</source>
            <translation>Создание форм</translation>
        </message>
        <message>
            <location filename="forms_actions.py" />
            <source>Se scriu formularele subdiviziunilor…</source>
            <translation>Запись форм подразделений…</translation>
        </message>
        <message>
            <location filename="forms_actions.py" />
            <source>Generarea a fost anulată; nu s-a scris niciun formular.</source>
            <translation>Создание отменено; ни одна форма не записана.</translation>
        </message>
        <message>
            <location filename="forms_actions.py" />
            <source>Formularele nu au fost generate</source>
            <translation>Формы не созданы</translation>
        </message>
        <message>
            <location filename="forms_actions.py" />
            <source>Istoricul de anulare (Ctrl+Z) a fost golit: pașii de dinainte de generare nu mai pot fi anulați, pentru că formularele noi i-au înlocuit pe cei vechi.</source>
            <translation>История отмены (Ctrl+Z) очищена: шаги до создания форм больше нельзя отменить, потому что новые формы заменили старые.</translation>
        </message>
        <message>
            <location filename="forms_actions.py" />
            <source>Formularele au fost generate</source>
            <translation>Формы созданы</translation>
        </message>
        <message>
            <location filename="forms_actions.py" />
            <source>Alegeți formularele completate</source>
            <translation>Выберите заполненные формы</translation>
        </message>
        <message>
            <location filename="forms_actions.py" />
            <source>Registre Excel (*.xlsx);;Toate fișierele (*)</source>
            <translation>Книги Excel (*.xlsx);;Все файлы (*)</translation>
        </message>
        <message>
            <location filename="forms_actions.py" />
            <source>Importul formularelor</source>
            <translation>Импорт форм</translation>
        </message>
        <message>
            <location filename="forms_actions.py" />
            <source>Se citesc formularele completate…</source>
            <translation>Чтение заполненных форм…</translation>
        </message>
        <message>
            <location filename="forms_actions.py" />
            <source>Importul a fost anulat; nu s-a modificat nimic.</source>
            <translation>Импорт отменён; ничего не изменено.</translation>
        </message>
        <message>
            <location filename="forms_actions.py" />
            <source>Previzualizarea importului</source>
            <translation>Предпросмотр импорта</translation>
        </message>
        <message>
            <location filename="forms_actions.py" />
            <source>Formularele nu pot fi citite</source>
            <translation>Формы невозможно прочитать</translation>
        </message>
        <message numerus="yes">
            <location filename="forms_actions.py" />
            <source>%n formulare</source>
            <translation>
                <numerusform>%n форма</numerusform>
                <numerusform>%n формы</numerusform>
                <numerusform>%n форм</numerusform>
            </translation>
        </message>
        <message>
            <location filename="forms_actions.py" />
            <source>Import formulare: {who}</source>
            <translation>Импорт форм: {who}</translation>
        </message>
        <message>
            <location filename="forms_actions.py" />
            <source>Formularele nu au fost importate</source>
            <translation>Формы не импортированы</translation>
        </message>
        <message>
            <location filename="forms_actions.py" />
            <source>Eroare.</source>
            <translation>Ошибка.</translation>
        </message>
        <message>
            <location filename="forms_actions.py" />
            <source>Import: {cells} {files} (Ctrl+Z anulează importul).</source>
            <translation>Импорт: {cells} {files} (Ctrl+Z отменяет импорт).</translation>
        </message>
        <message numerus="yes">
            <location filename="forms_actions.py" />
            <source>%n celule scrise</source>
            <translation>
                <numerusform>записана %n ячейка</numerusform>
                <numerusform>записаны %n ячейки</numerusform>
                <numerusform>записано %n ячеек</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="forms_actions.py" />
            <source>din %n formulare</source>
            <translation>
                <numerusform>из %n формы</numerusform>
                <numerusform>из %n форм</numerusform>
                <numerusform>из %n форм</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>FormsOutDialog</name>
        <message>
            <location filename="forms_out_dialog.py" />
            <source>Formularele de retur ale subdiviziunilor pentru perioada &lt;b&gt;{label}&lt;/b&gt; ({code}).</source>
            <translation>Формы отчётов подразделений за период &lt;b&gt;{label}&lt;/b&gt; ({code}).</translation>
        </message>
        <message>
            <location filename="forms_out_dialog.py" />
            <source>{name} ({code}) — inactivă</source>
            <translation>{name} ({code}) — неактивно</translation>
        </message>
        <message>
            <location filename="forms_out_dialog.py" />
            <source>&amp;Generează</source>
            <translation>Соз&amp;дать</translation>
        </message>
        <message>
            <location filename="forms_out_dialog.py" />
            <source>Alese: {n} din {total}</source>
            <translation>Выбрано: {n} из {total}</translation>
        </message>
        <message>
            <location filename="forms_out_dialog.py" />
            <source>Alegeți dosarul formularelor</source>
            <translation>Выберите папку для форм</translation>
        </message>
        <message>
            <location filename="forms_out_dialog.py" />
            <source>Alegeți dosarul în care se scriu formularele.</source>
            <translation>Выберите папку, в которую записываются формы.</translation>
        </message>
        <message>
            <location filename="forms_out_dialog.py" />
            <source>„{path}” este un fișier, nu un dosar.</source>
            <translation>«{path}» — это файл, а не папка.</translation>
        </message>
        <message>
            <location filename="forms_out_dialog.py" />
            <source>Alegeți cel puțin o subdiviziune.</source>
            <translation>Выберите хотя бы одно подразделение.</translation>
        </message>
        <message>
            <location filename="forms_out_dialog.ui" />
            <source>Generarea formularelor de retur</source>
            <translation>Создание форм отчётов</translation>
        </message>
        <message>
            <location filename="forms_out_dialog.ui" />
            <source>&amp;Dosarul:</source>
            <translation>&amp;Папка:</translation>
        </message>
        <message>
            <location filename="forms_out_dialog.ui" />
            <source>A&amp;lege…</source>
            <translation>&amp;Выбрать…</translation>
        </message>
        <message>
            <location filename="forms_out_dialog.ui" />
            <source>&amp;Termenul de returnare:</source>
            <translation>&amp;Срок возврата:</translation>
        </message>
        <message>
            <location filename="forms_out_dialog.ui" />
            <source>Persoana de &amp;contact:</source>
            <translation>&amp;Контактное лицо:</translation>
        </message>
        <message>
            <location filename="forms_out_dialog.ui" />
            <source>opțional, apare pe copertă: nume, telefon, e-mail</source>
            <translation>необязательно, указывается на обложке: имя, телефон, e-mail</translation>
        </message>
        <message>
            <location filename="forms_out_dialog.ui" />
            <source>Ce cuprinde formularul</source>
            <translation>Что содержит форма</translation>
        </message>
        <message>
            <location filename="forms_out_dialog.ui" />
            <source>Doar indicatorii &amp;atribuiți subdiviziunii</source>
            <translation>Только индикаторы, &amp;закреплённые за подразделением</translation>
        </message>
        <message>
            <location filename="forms_out_dialog.ui" />
            <source>Toți &amp;indicatorii acțiunilor de care răspunde subdiviziunea</source>
            <translation>Все &amp;индикаторы мероприятий, за которые отвечает подразделение</translation>
        </message>
        <message>
            <location filename="forms_out_dialog.ui" />
            <source>&amp;Precompletează valorile deja introduse (subdiviziunea le poate corecta)</source>
            <translation>Предзаполнить &amp;уже введённые значения (подразделение может их исправить)</translation>
        </message>
        <message>
            <location filename="forms_out_dialog.ui" />
            <source>Arată valorile &amp;semestrului precedent, doar pentru informare</source>
            <translation>П&amp;оказать значения предыдущего полугодия, только для сведения</translation>
        </message>
        <message>
            <location filename="forms_out_dialog.ui" />
            <source>Se scrie câte un registru Excel pentru fiecare subdiviziune (Retur_COD_perioada.xlsx). Subdiviziunile îl completează și îl trimit înapoi; îl importați cu Formulare → Importă formulare completate.</source>
            <translation>Для каждого подразделения записывается своя книга Excel (Retur_КОД_период.xlsx). Подразделения заполняют её и присылают обратно; вы импортируете её через Формы → Импорт заполненных форм.</translation>
        </message>
        <message>
            <location filename="forms_out_dialog.ui" />
            <source>Subdiviziunile</source>
            <translation>Подразделения</translation>
        </message>
        <message>
            <location filename="forms_out_dialog.ui" />
            <source>T&amp;oate</source>
            <translation>Вс&amp;е</translation>
        </message>
        <message>
            <location filename="forms_out_dialog.ui" />
            <source>&amp;Niciuna</source>
            <translation>&amp;Ни одного</translation>
        </message>
    </context>
    <context>
        <name>FormsPreview</name>
        <message numerus="yes">
            <location filename="forms_preview_dialog.py" />
            <source>%n rânduri noi</source>
            <translation>
                <numerusform>%n новая строка</numerusform>
                <numerusform>%n новые строки</numerusform>
                <numerusform>%n новых строк</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="forms_preview_dialog.py" />
            <source>%n rânduri modificate</source>
            <translation>
                <numerusform>%n изменённая строка</numerusform>
                <numerusform>%n изменённые строки</numerusform>
                <numerusform>%n изменённых строк</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="forms_preview_dialog.py" />
            <source>%n rânduri șterse</source>
            <translation>
                <numerusform>%n удалённая строка</numerusform>
                <numerusform>%n удалённые строки</numerusform>
                <numerusform>%n удалённых строк</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="forms_preview_dialog.py" />
            <source>%n conflicte</source>
            <translation>
                <numerusform>%n конфликт</numerusform>
                <numerusform>%n конфликта</numerusform>
                <numerusform>%n конфликтов</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="forms_preview_dialog.py" />
            <source>%n rânduri neschimbate</source>
            <translation>
                <numerusform>%n неизменённая строка</numerusform>
                <numerusform>%n неизменённые строки</numerusform>
                <numerusform>%n неизменённых строк</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="forms_preview_dialog.py" />
            <source>%n rânduri păstrate din aplicație</source>
            <translation>
                <numerusform>%n строка сохранена из программы</numerusform>
                <numerusform>%n строки сохранены из программы</numerusform>
                <numerusform>%n строк сохранено из программы</numerusform>
            </translation>
        </message>
        <message>
            <location filename="forms_preview_dialog.py" />
            <source>{file}, rândul {row}</source>
            <translation>{file}, строка {row}</translation>
        </message>
    </context>
    <context>
        <name>FormsPreviewDialog</name>
        <message>
            <location filename="forms_preview_dialog.py" />
            <source>&lt;b&gt;{n}&lt;/b&gt;: valoarea a fost modificată și în aplicație după generarea formularului. Bifați în coloana „Tip” rândurile pentru care se preia valoarea din formular; celelalte își păstrează valoarea din aplicație.</source>
            <translation>&lt;b&gt;{n}&lt;/b&gt;: значение было изменено и в программе после создания формы. Отметьте в столбце «Тип» строки, для которых берётся значение из формы; остальные сохраняют значение из программы.</translation>
        </message>
        <message numerus="yes">
            <location filename="forms_preview_dialog.py" />
            <source>%n conflicte</source>
            <translation>
                <numerusform>%n конфликт</numerusform>
                <numerusform>%n конфликта</numerusform>
                <numerusform>%n конфликтов</numerusform>
            </translation>
        </message>
        <message>
            <location filename="forms_preview_dialog.py" />
            <source>&amp;Modificări ({n})</source>
            <translation>&amp;Изменения ({n})</translation>
        </message>
        <message>
            <location filename="forms_preview_dialog.py" />
            <source>&amp;Fișiere ({n})</source>
            <translation>&amp;Файлы ({n})</translation>
        </message>
        <message>
            <location filename="forms_preview_dialog.py" />
            <source>&amp;Constatări (+{new} / −{gone})</source>
            <translation>&amp;Замечания (+{new} / −{gone})</translation>
        </message>
        <message>
            <location filename="forms_preview_dialog.py" />
            <source>&amp;Răspunsuri la observații ({n})</source>
            <translation>&amp;Ответы на замечания ({n})</translation>
        </message>
        <message>
            <location filename="forms_preview_dialog.py" />
            <source>&amp;Aplică</source>
            <translation>&amp;Применить</translation>
        </message>
        <message>
            <location filename="forms_preview_dialog.py" />
            <source>Subdiviziunea</source>
            <translation>Подразделение</translation>
        </message>
        <message>
            <location filename="forms_preview_dialog.py" />
            <source>Rândul</source>
            <translation>Строка</translation>
        </message>
        <message>
            <location filename="forms_preview_dialog.py" />
            <source>Observația primăriei</source>
            <translation>Замечание примэрии</translation>
        </message>
        <message>
            <location filename="forms_preview_dialog.py" />
            <source>Răspunsul din formular</source>
            <translation>Ответ из формы</translation>
        </message>
        <message>
            <location filename="forms_preview_dialog.py" />
            <source>&lt;b&gt;Perioada {code}&lt;/b&gt; · formulare recunoscute: {n}</source>
            <translation>&lt;b&gt;Период {code}&lt;/b&gt; · распознано форм: {n}</translation>
        </message>
        <message>
            <location filename="forms_preview_dialog.py" />
            <source> · &lt;span style='color:#b00020'&gt;refuzate: {n}&lt;/span&gt;</source>
            <translation> · &lt;span style='color:#b00020'&gt;отклонено: {n}&lt;/span&gt;</translation>
        </message>
        <message>
            <location filename="forms_preview_dialog.py" />
            <source>Formularele nu au niciun rând de valori.</source>
            <translation>В формах нет ни одной строки значений.</translation>
        </message>
        <message>
            <location filename="forms_preview_dialog.py" />
            <source>Răspunsuri la observații: &lt;b&gt;{n}&lt;/b&gt; (se păstrează la observațiile lor).</source>
            <translation>Ответов на замечания: &lt;b&gt;{n}&lt;/b&gt; (сохраняются при своих замечаниях).</translation>
        </message>
        <message>
            <location filename="forms_preview_dialog.py" />
            <source>Formularele nu aduc nicio modificare; „Aplică” doar le marchează ca importate.</source>
            <translation>Формы не вносят изменений; «Применить» только отмечает их как импортированные.</translation>
        </message>
        <message numerus="yes">
            <location filename="forms_preview_dialog.py" />
            <source>&lt;b&gt;Niciun formular nu poate fi importat&lt;/b&gt; (%n refuzate); motivele sunt în fila „Fișiere”. Nu se modifică nimic.</source>
            <translation>
                <numerusform>&lt;b&gt;Ни одну форму нельзя импортировать&lt;/b&gt; (%n отклонена); причины — на вкладке «Файлы». Ничего не изменяется.</numerusform>
                <numerusform>&lt;b&gt;Ни одну форму нельзя импортировать&lt;/b&gt; (%n отклонены); причины — на вкладке «Файлы». Ничего не изменяется.</numerusform>
                <numerusform>&lt;b&gt;Ни одну форму нельзя импортировать&lt;/b&gt; (%n отклонено); причины — на вкладке «Файлы». Ничего не изменяется.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="forms_preview_dialog.py" />
            <source>Fișierul</source>
            <translation>Файл</translation>
        </message>
        <message>
            <location filename="forms_preview_dialog.py" />
            <source>Rezultatul</source>
            <translation>Результат</translation>
        </message>
        <message>
            <location filename="forms_preview_dialog.py" />
            <source>✓ se importă: {summary}</source>
            <translation>✓ импортируется: {summary}</translation>
        </message>
        <message>
            <location filename="forms_preview_dialog.py" />
            <source>niciun rând</source>
            <translation>ни одной строки</translation>
        </message>
        <message>
            <location filename="forms_preview_dialog.py" />
            <source>, răspunsuri la observații: {n}</source>
            <translation>, ответов на замечания: {n}</translation>
        </message>
        <message>
            <location filename="forms_preview_dialog.py" />
            <source>atenție: {w}</source>
            <translation>внимание: {w}</translation>
        </message>
        <message>
            <location filename="forms_preview_dialog.py" />
            <source>✗ refuzat: {reason}</source>
            <translation>✗ отклонено: {reason}</translation>
        </message>
        <message>
            <location filename="forms_preview_dialog.py" />
            <source>Constatări noi după import: {n}</source>
            <translation>Новых замечаний после импорта: {n}</translation>
        </message>
        <message>
            <location filename="forms_preview_dialog.py" />
            <source>Importul nu adaugă constatări noi.</source>
            <translation>Импорт не добавляет новых замечаний.</translation>
        </message>
        <message>
            <location filename="forms_preview_dialog.py" />
            <source>Constatări care dispar după import: {n}</source>
            <translation>Замечаний, которые исчезнут после импорта: {n}</translation>
        </message>
        <message>
            <location filename="forms_preview_dialog.py" />
            <source>Importul nu rezolvă constatări existente.</source>
            <translation>Импорт не решает существующих замечаний.</translation>
        </message>
        <message>
            <location filename="forms_preview_dialog.ui" />
            <source>Importul formularelor completate</source>
            <translation>Импорт заполненных форм</translation>
        </message>
        <message>
            <location filename="forms_preview_dialog.ui" />
            <source>Arată și rândurile care nu se &amp;schimbă (neschimbate, păstrate din aplicație)</source>
            <translation>Показать и строки, которые не &amp;меняются (без изменений, сохранённые из программы)</translation>
        </message>
        <message>
            <location filename="forms_preview_dialog.ui" />
            <source>Preia din formular &amp;toate conflictele</source>
            <translation>Взять из формы &amp;все конфликты</translation>
        </message>
        <message>
            <location filename="forms_preview_dialog.ui" />
            <source>„Aplică” scrie totul într-un singur pas, care se poate anula cu Ctrl+Z; formularele aplicate sunt marcate „Importat”.</source>
            <translation>«Применить» записывает всё за один шаг, который можно отменить через Ctrl+Z; применённые формы отмечаются как «Импортирована».</translation>
        </message>
    </context>
    <context>
        <name>FormsStatusDialog</name>
        <message>
            <location filename="forms_status_dialog.py" />
            <source>Negenerat</source>
            <translation>Не создана</translation>
        </message>
        <message numerus="yes">
            <location filename="forms_status_dialog.py" />
            <source>&lt;b&gt;Perioada {code}&lt;/b&gt; · %n subdiviziuni · {parts}</source>
            <translation>
                <numerusform>&lt;b&gt;Период {code}&lt;/b&gt; · %n подразделение · {parts}</numerusform>
                <numerusform>&lt;b&gt;Период {code}&lt;/b&gt; · %n подразделения · {parts}</numerusform>
                <numerusform>&lt;b&gt;Период {code}&lt;/b&gt; · %n подразделений · {parts}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="forms_status_dialog.py" />
            <source>%n subdiviziuni</source>
            <translation>
                <numerusform>%n подразделение</numerusform>
                <numerusform>%n подразделения</numerusform>
                <numerusform>%n подразделений</numerusform>
            </translation>
        </message>
        <message>
            <location filename="forms_status_dialog.py" />
            <source>Formular „{state}”: {who}</source>
            <translation>Форма «{state}»: {who}</translation>
        </message>
        <message>
            <location filename="forms_status_dialog.py" />
            <source>Starea nu a fost schimbată</source>
            <translation>Состояние не изменено</translation>
        </message>
        <message>
            <location filename="forms_status_dialog.ui" />
            <source>Starea formularelor de retur</source>
            <translation>Состояние форм отчётов</translation>
        </message>
        <message>
            <location filename="forms_status_dialog.ui" />
            <source>Selectați una sau mai multe subdiviziuni și marcați ce s-a întâmplat cu formularul lor. „Generat” și „Importat” se marchează singure; o marcare greșită se anulează cu Ctrl+Z.</source>
            <translation>Выделите одно или несколько подразделений и отметьте, что произошло с их формой. «Создана» и «Импортирована» отмечаются сами; ошибочная отметка отменяется через Ctrl+Z.</translation>
        </message>
        <message>
            <location filename="forms_status_dialog.ui" />
            <source>Marchează &amp;trimis</source>
            <translation>Отметить «&amp;отправлена»</translation>
        </message>
        <message>
            <location filename="forms_status_dialog.ui" />
            <source>Marchează &amp;primit</source>
            <translation>Отметить «&amp;получена»</translation>
        </message>
        <message>
            <location filename="forms_status_dialog.ui" />
            <source>Marchează &amp;de corectat</source>
            <translation>Отметить «на &amp;исправление»</translation>
        </message>
    </context>
    <context>
        <name>FormsWorker</name>
        <message>
            <location filename="forms_worker.py" />
            <source>Anulează</source>
            <translation>Отмена</translation>
        </message>
    </context>
    <context>
        <name>GenderSplitEditor</name>
        <message>
            <location filename="cell_editors.py" />
            <source>Femei</source>
            <translation>Женщины</translation>
        </message>
        <message>
            <location filename="cell_editors.py" />
            <source>Bărbați</source>
            <translation>Мужчины</translation>
        </message>
        <message>
            <location filename="cell_editors.py" />
            <source>F:</source>
            <translation>Ж:</translation>
        </message>
        <message>
            <location filename="cell_editors.py" />
            <source>B:</source>
            <translation>М:</translation>
        </message>
        <message>
            <location filename="cell_editors.py" />
            <source>= {n} ≠ {total}</source>
            <translation>= {n} ≠ {total}</translation>
        </message>
        <message>
            <location filename="cell_editors.py" />
            <source>F + B diferă de total; se salvează cum ați scris și apare ca o constatare.</source>
            <translation>Ж + М отличается от итога; сохраняется как вы написали и появляется как замечание.</translation>
        </message>
        <message>
            <location filename="cell_editors.py" />
            <source>= {n}</source>
            <translation>= {n}</translation>
        </message>
    </context>
    <context>
        <name>GridDelegate</name>
        <message>
            <location filename="grid_delegate.py" />
            <source>lipsește</source>
            <translation>отсутствует</translation>
        </message>
    </context>
    <context>
        <name>GridModel</name>
        <message>
            <location filename="grid_cells.py" />
            <source>total: sumă</source>
            <translation>итог: сумма</translation>
        </message>
        <message>
            <location filename="grid_cells.py" />
            <source>total: cea mai mare valoare</source>
            <translation>итог: наибольшее значение</translation>
        </message>
        <message>
            <location filename="grid_cells.py" />
            <source>total: valoarea comună</source>
            <translation>итог: общее значение</translation>
        </message>
        <message>
            <location filename="grid_cells.py" />
            <source>total: stare</source>
            <translation>итог: состояние</translation>
        </message>
        <message>
            <location filename="grid_cells.py" />
            <source>total: manual</source>
            <translation>итог: вручную</translation>
        </message>
        <message>
            <location filename="grid_cells.py" />
            <source>se adună valorile subdiviziunilor</source>
            <translation>складываются значения подразделений</translation>
        </message>
        <message>
            <location filename="grid_cells.py" />
            <source>cea mai mare valoare (același obiect)</source>
            <translation>наибольшее значение (один и тот же объект)</translation>
        </message>
        <message>
            <location filename="grid_cells.py" />
            <source>valoarea comună (aceleași obiecte raportate de mai multe subdiviziuni)</source>
            <translation>общее значение (одни и те же объекты, о которых сообщают несколько подразделений)</translation>
        </message>
        <message>
            <location filename="grid_cells.py" />
            <source>„Realizat” când toate subdiviziunile l-au realizat</source>
            <translation>«Realizat» (выполнено), когда его выполнили все подразделения</translation>
        </message>
        <message>
            <location filename="grid_cells.py" />
            <source>se completează manual</source>
            <translation>заполняется вручную</translation>
        </message>
        <message>
            <location filename="grid_cells.py" />
            <source>Descrierea măsurilor întreprinse</source>
            <translation>Описание принятых мер</translation>
        </message>
        <message>
            <location filename="grid_cells.py" />
            <source>Descrierea măsurilor întreprinse de subdiviziune</source>
            <translation>Описание мер, принятых подразделением</translation>
        </message>
        <message>
            <location filename="grid_cells.py" />
            <location filename="grid_model.py" />
            <source>Indicator {n}</source>
            <translation>Индикатор {n}</translation>
        </message>
        <message>
            <location filename="grid_cells.py" />
            <source>(F/B)</source>
            <translation>(Ж/М)</translation>
        </message>
        <message>
            <location filename="grid_cells.py" />
            <source>Indicator {n}: {text}

Totalul: {rule}.</source>
            <translation>Индикатор {n}: {text}

Итог: {rule}.</translation>
        </message>
        <message>
            <location filename="grid_cells.py" />
            <source>Se raportează pe sexe: femei (F) / bărbați (B).</source>
            <translation>Сообщается по полу: женщины (F) / мужчины (B).</translation>
        </message>
        <message>
            <location filename="grid_cells.py" />
            <source>Total instituții responsabile</source>
            <translation>Итого по ответственным учреждениям</translation>
        </message>
        <message>
            <location filename="grid_cells.py" />
            <source>Nu a prezentat informația pentru această perioadă.</source>
            <translation>Не представило сведения за этот период.</translation>
        </message>
        <message>
            <location filename="grid_cells.py" />
            <source>Cu restanțe: {why}.</source>
            <translation>С задолженностью: {why}.</translation>
        </message>
        <message>
            <location filename="grid_cells.py" />
            <source>Nu este responsabilă de această acțiune; informația prezentată se păstrează.</source>
            <translation>Не отвечает за это мероприятие; представленные сведения сохраняются.</translation>
        </message>
        <message>
            <location filename="grid_cells.py" />
            <source>Descrierea măsurilor lipsește.</source>
            <translation>Описание мер отсутствует.</translation>
        </message>
        <message>
            <location filename="grid_cells.py" />
            <source>Valoarea lipsește.</source>
            <translation>Значение отсутствует.</translation>
        </message>
        <message>
            <location filename="grid_cells.py" />
            <source>Subdiviziunea nu răspunde la acest indicator.</source>
            <translation>Подразделение не отвечает за этот индикатор.</translation>
        </message>
        <message>
            <location filename="grid_cells.py" />
            <source>Raportat ca „nu este cazul” („-”); nu este zero. La numărul de subdiviziuni contează ca nerealizat (restanță).</source>
            <translation>Указано «nu este cazul» («-», не применимо); это не ноль. В числе подразделений считается как невыполнение (задолженность).</translation>
        </message>
        <message>
            <location filename="grid_cells.py" />
            <source>Subdiviziunea nu răspunde la acest indicator („-”).</source>
            <translation>Подразделение не отвечает за этот индикатор («-»).</translation>
        </message>
        <message>
            <location filename="grid_cells.py" />
            <source>Subdiviziunea nu răspunde la acest indicator; nu intră în Total.</source>
            <translation>Подразделение не отвечает за этот индикатор; в итог не входит.</translation>
        </message>
        <message>
            <location filename="grid_cells.py" />
            <source>Semestrul I: {v}</source>
            <translation>I полугодие: {v}</translation>
        </message>
        <message>
            <location filename="grid_cells.py" />
            <source>Semestrul II: {v}</source>
            <translation>II полугодие: {v}</translation>
        </message>
        <message>
            <location filename="grid_cells.py" />
            <source>Regula anuală: {rule}</source>
            <translation>Годовое правило: {rule}</translation>
        </message>
        <message>
            <location filename="grid_cells.py" />
            <source>Cifra anuală trimisă de subdiviziune (are prioritate).</source>
            <translation>Годовая цифра, присланная подразделением (имеет приоритет).</translation>
        </message>
        <message>
            <location filename="grid_cells.py" />
            <source>Din semestre ar rezulta: {v}</source>
            <translation>По полугодиям получилось бы: {v}</translation>
        </message>
        <message>
            <location filename="grid_cells.py" />
            <source>Valoare calculată din semestre; scrieți aici cifra anuală pentru a o înlocui.</source>
            <translation>Значение вычислено по полугодиям; впишите сюда годовую цифру, чтобы заменить его.</translation>
        </message>
        <message>
            <location filename="grid_cells.py" />
            <source>Nu se poate calcula: {why}.</source>
            <translation>Невозможно вычислить: {why}.</translation>
        </message>
        <message>
            <location filename="grid_cells.py" />
            <source>Cifra citită: {figure}</source>
            <translation>Прочитанная цифра: {figure}</translation>
        </message>
        <message>
            <location filename="grid_cells.py" />
            <source> (aproximativ)</source>
            <translation> (приблизительно)</translation>
        </message>
        <message>
            <location filename="grid_cells.py" />
            <source>Femei: {f} · Bărbați: {b}</source>
            <translation>Женщины: {f} · Мужчины: {b}</translation>
        </message>
        <message>
            <location filename="grid_cells.py" />
            <source>Rândul Total se calculează automat din rândurile subdiviziunilor.
Cu toți indicatorii: {all}; cu restanțe: {arrears}; fără niciunul: {none}.</source>
            <translation>Строка «Итого» вычисляется автоматически по строкам подразделений.
Со всеми индикаторами: {all}; с задолженностью: {arrears}; без единого: {none}.</translation>
        </message>
        <message>
            <location filename="grid_cells.py" />
            <source>nu a prezentat informația</source>
            <translation>не представило сведения</translation>
        </message>
        <message>
            <location filename="grid_cells.py" />
            <source>„-” și „Nu este cazul” la un indicator de care subdiviziunea răspunde contează ca nerealizat.</source>
            <translation>«-» и «Nu este cazul» (не применимо) по индикатору, за который подразделение отвечает, считаются невыполнением.</translation>
        </message>
        <message>
            <location filename="grid_cells.py" />
            <source>De ce:</source>
            <translation>Почему:</translation>
        </message>
        <message>
            <location filename="grid_cells.py" />
            <source>Introdus manual{by}. Motivul: {reason}

Calculat: {computed}</source>
            <translation>Введено вручную{by}. Причина: {reason}

Вычислено: {computed}</translation>
        </message>
        <message>
            <location filename="grid_cells.py" />
            <source>Calculat automat din rândurile subdiviziunilor.</source>
            <translation>Вычислено автоматически по строкам подразделений.</translation>
        </message>
        <message>
            <location filename="grid_cells.py" />
            <source>nu se calculează: {problem}</source>
            <translation>не вычисляется: {problem}</translation>
        </message>
        <message>
            <location filename="grid_cells.py" />
            <source>(gol)</source>
            <translation>(пусто)</translation>
        </message>
        <message>
            <location filename="grid_cells.py" />
            <source>Introdus manual{by}. Motivul: {reason}
Calculat: {computed}</source>
            <translation>Введено вручную{by}. Причина: {reason}
Вычислено: {computed}</translation>
        </message>
        <message>
            <location filename="grid_cells.py" />
            <source>Totalul nu se calculează automat: {problem}. Introduceți-l manual (cu motiv).</source>
            <translation>Итог не вычисляется автоматически: {problem}. Введите его вручную (с причиной).</translation>
        </message>
        <message numerus="yes">
            <location filename="grid_cells.py" />
            <source>Calculat automat din %n valori.</source>
            <translation>
                <numerusform>Вычислено автоматически из %n значения.</numerusform>
                <numerusform>Вычислено автоматически из %n значений.</numerusform>
                <numerusform>Вычислено автоматически из %n значений.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="grid_cells.py" />
            <source>Calculat automat; nicio valoare raportată.</source>
            <translation>Вычислено автоматически; не сообщено ни одного значения.</translation>
        </message>
        <message>
            <location filename="grid_cells.py" />
            <source>Scris în raportul original (referință, nu se exportă): „{text}”</source>
            <translation>Записано в исходном отчёте (справочно, не экспортируется): «{text}»</translation>
        </message>
        <message>
            <location filename="grid_cells.py" />
            <source> de {author}</source>
            <translation> — {author}</translation>
        </message>
        <message>
            <location filename="grid_model.py" />
            <source>{name} nu răspunde de indicatorul {n}. O includeți de acum înainte?

Da: răspunde de indicatorul {n} de la perioada aceasta înainte (perioadele anterioare rămân cum sunt) și valoarea se salvează. Nu: nu se scrie nimic.</source>
            <translation>{name} не отвечает за индикатор {n}. Включить его с этого момента?

Да: отвечает за индикатор {n}, начиная с этого периода (предыдущие периоды остаются как есть), и значение сохраняется. Нет: ничего не записывается.</translation>
        </message>
        <message>
            <location filename="grid_model.py" />
            <source>Indicator la care nu răspunde</source>
            <translation>Индикатор, за который не отвечает</translation>
        </message>
        <message>
            <location filename="grid_model.py" />
            <source>Nu s-a scris nimic: {name} nu răspunde de indicatorul {n}.</source>
            <translation>Ничего не записано: {name} не отвечает за индикатор {n}.</translation>
        </message>
        <message>
            <location filename="grid_model.py" />
            <source>{name} răspunde de indicatorul {n}</source>
            <translation>{name} отвечает за индикатор {n}</translation>
        </message>
        <message numerus="yes">
            <location filename="grid_model.py" />
            <source>Valoarea are %n caractere: valorile sunt scurte; textul lung merge în descriere.

O păstrați totuși așa?</source>
            <translation>
                <numerusform>В значении %n символ: значения короткие; длинный текст пишется в описание.

Всё же оставить так?</numerusform>
                <numerusform>В значении %n символа: значения короткие; длинный текст пишется в описание.

Всё же оставить так?</numerusform>
                <numerusform>В значении %n символов: значения короткие; длинный текст пишется в описание.

Всё же оставить так?</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="grid_model.py" />
            <source>%n valori au peste {limit} de caractere.</source>
            <translation>
                <numerusform>%n значение длиннее {limit} символов.</numerusform>
                <numerusform>%n значения длиннее {limit} символов.</numerusform>
                <numerusform>%n значений длиннее {limit} символов.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="grid_model.py" />
            <source>Valoare lungă</source>
            <translation>Длинное значение</translation>
        </message>
        <message>
            <location filename="grid_model.py" />
            <source>Nu s-a salvat: valorile sunt scurte; textul lung merge în descriere.</source>
            <translation>Не сохранено: значения короткие; длинный текст пишется в описание.</translation>
        </message>
        <message>
            <location filename="grid_model.py" />
            <source>descrierea</source>
            <translation>описание</translation>
        </message>
        <message>
            <location filename="grid_model.py" />
            <source>Modificare {code} · {name} · {where}</source>
            <translation>Изменение {code} · {name} · {where}</translation>
        </message>
    </context>
    <context>
        <name>GridView</name>
        <message>
            <location filename="grid_view.py" />
            <source>Rândul Total se calculează automat. Pentru a-l scrie manual apăsați F2 sau dublu-clic (se cere motivul).</source>
            <translation>Строка «Итого» вычисляется автоматически. Чтобы ввести итог вручную, нажмите F2 или дважды щёлкните (требуется причина).</translation>
        </message>
        <message numerus="yes">
            <location filename="grid_view.py" />
            <source>Copiat: %n celule.</source>
            <translation>
                <numerusform>Скопирована %n ячейка.</numerusform>
                <numerusform>Скопировано %n ячейки.</numerusform>
                <numerusform>Скопировано %n ячеек.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="grid_view.py" />
            <source>Clipboard-ul este gol.</source>
            <translation>Буфер обмена пуст.</translation>
        </message>
        <message numerus="yes">
            <location filename="grid_view.py" />
            <source>%n valori cad pe celule hașurate (subdiviziunea nu răspunde de acel indicator) și au fost sărite.</source>
            <translation>
                <numerusform>%n значение попадает на заштрихованную ячейку (подразделение не отвечает за этот индикатор) и пропущено.</numerusform>
                <numerusform>%n значения попадают на заштрихованные ячейки (подразделение не отвечает за этот индикатор) и пропущены.</numerusform>
                <numerusform>%n значений попадают на заштрихованные ячейки (подразделение не отвечает за этот индикатор) и пропущены.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="grid_view.py" />
            <source>Nimic de lipit aici (rândul Total nu se modifică prin lipire).</source>
            <translation>Здесь нечего вставлять (строка «Итого» не изменяется вставкой).</translation>
        </message>
        <message numerus="yes">
            <location filename="grid_view.py" />
            <source>Lipire în {code} (%n celule)</source>
            <translation>
                <numerusform>Вставка в {code} (%n ячейка)</numerusform>
                <numerusform>Вставка в {code} (%n ячейки)</numerusform>
                <numerusform>Вставка в {code} (%n ячеек)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="grid_view.py" />
            <source>Lipite %n celule.</source>
            <translation>
                <numerusform>Вставлена %n ячейка.</numerusform>
                <numerusform>Вставлено %n ячейки.</numerusform>
                <numerusform>Вставлено %n ячеек.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="grid_view.py" />
            <source>%n valori nu au încăput sau cad pe rândul Total și au fost ignorate.</source>
            <translation>
                <numerusform>%n значение не поместилось или попадает на строку «Итого» и пропущено.</numerusform>
                <numerusform>%n значения не поместились или попадают на строку «Итого» и пропущены.</numerusform>
                <numerusform>%n значений не поместились или попадают на строку «Итого» и пропущены.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="grid_view.py" />
            <source>Ștergere în {code} (%n celule)</source>
            <translation>
                <numerusform>Удаление в {code} (%n ячейка)</numerusform>
                <numerusform>Удаление в {code} (%n ячейки)</numerusform>
                <numerusform>Удаление в {code} (%n ячеек)</numerusform>
            </translation>
        </message>
        <message>
            <location filename="grid_view.py" />
            <source>&amp;Copiază</source>
            <translation>&amp;Копировать</translation>
        </message>
        <message>
            <location filename="grid_view.py" />
            <source>&amp;Lipește</source>
            <translation>Вст&amp;авить</translation>
        </message>
        <message>
            <location filename="grid_view.py" />
            <source>&amp;Taie</source>
            <translation>&amp;Вырезать</translation>
        </message>
        <message>
            <location filename="grid_view.py" />
            <source>Șterge c&amp;onținutul</source>
            <translation>О&amp;чистить содержимое</translation>
        </message>
    </context>
    <context>
        <name>HistoryPanel</name>
        <message>
            <location filename="history_panel.py" />
            <source>Istoric pe perioade</source>
            <translation>История по периодам</translation>
        </message>
        <message>
            <location filename="history_panel.py" />
            <source>Perioada</source>
            <translation>Период</translation>
        </message>
        <message>
            <location filename="history_panel.py" />
            <source>Valoarea</source>
            <translation>Значение</translation>
        </message>
        <message>
            <location filename="history_panel.py" />
            <source>Descrierea</source>
            <translation>Описание</translation>
        </message>
        <message>
            <location filename="history_panel.py" />
            <source>Valoarea din perioada precedentă</source>
            <translation>Значение из предыдущего периода</translation>
        </message>
        <message>
            <location filename="history_panel.py" />
            <source>Copiază în celulă valoarea aceleiași subdiviziuni din perioada precedentă (Ctrl+')</source>
            <translation>Скопировать в ячейку значение того же подразделения из предыдущего периода (Ctrl+')</translation>
        </message>
        <message>
            <location filename="history_panel.py" />
            <source>Selectați o celulă a unei subdiviziuni.</source>
            <translation>Выделите ячейку подразделения.</translation>
        </message>
        <message>
            <location filename="history_panel.py" />
            <source>Indicator {n}</source>
            <translation>Индикатор {n}</translation>
        </message>
        <message>
            <location filename="history_panel.py" />
            <source>{what} · {name}</source>
            <translation>{what} · {name}</translation>
        </message>
        <message>
            <location filename="history_panel.py" />
            <source>{text} (din semestre)</source>
            <translation>{text} (по полугодиям)</translation>
        </message>
        <message>
            <location filename="history_panel.py" />
            <source>Perioada precedentă nu are o valoare în această celulă.</source>
            <translation>В предыдущем периоде в этой ячейке нет значения.</translation>
        </message>
    </context>
    <context>
        <name>LanguageAction</name>
        <message>
            <location filename="language_action.py" />
            <source>&amp;Limba interfeței…</source>
            <translation>&amp;Язык интерфейса…</translation>
        </message>
        <message>
            <location filename="language_action.py" />
            <source>Română sau rusă; se aplică la următoarea pornire</source>
            <translation>Румынский или русский; применяется при следующем запуске</translation>
        </message>
        <message>
            <location filename="language_action.py" />
            <source>Limba interfeței va fi „{name}” de la următoarea pornire a programului.</source>
            <translation>Язык интерфейса будет «{name}» со следующего запуска программы.</translation>
        </message>
        <message>
            <location filename="language_action.py" />
            <source>Limba interfeței</source>
            <translation>Язык интерфейса</translation>
        </message>
    </context>
    <context>
        <name>LanguageDialog</name>
        <message>
            <location filename="language_action.py" />
            <source>Limba interfeței</source>
            <translation>Язык интерфейса</translation>
        </message>
        <message>
            <location filename="language_action.py" />
            <source>Limba meniurilor, a ferestrelor și a mesajelor. Raportul Word, formularele de retur și fișierele JSON rămân în limba română.</source>
            <translation>Язык меню, окон и сообщений. Отчёт Word, формы отчётов подразделений и файлы JSON остаются на румынском языке.</translation>
        </message>
        <message>
            <location filename="language_action.py" />
            <source>Limba aleasă se aplică la următoarea pornire a programului.</source>
            <translation>Выбранный язык применяется при следующем запуске программы.</translation>
        </message>
    </context>
    <context>
        <name>LinksDialog</name>
        <message>
            <location filename="status_grid.py" />
            <source>Legăturile: {title}</source>
            <translation>Ссылки: {title}</translation>
        </message>
        <message>
            <location filename="status_grid.py" />
            <source>Textul afișat</source>
            <translation>Отображаемый текст</translation>
        </message>
        <message>
            <location filename="status_grid.py" />
            <source>Adresa (URL)</source>
            <translation>Адрес (URL)</translation>
        </message>
        <message>
            <location filename="status_grid.py" />
            <source>&amp;Adaugă o legătură</source>
            <translation>&amp;Добавить ссылку</translation>
        </message>
        <message>
            <location filename="status_grid.py" />
            <source>Ș&amp;terge legătura</source>
            <translation>&amp;Удалить ссылку</translation>
        </message>
        <message>
            <location filename="status_grid.py" />
            <source>Salvează</source>
            <translation>Сохранить</translation>
        </message>
        <message>
            <location filename="status_grid.py" />
            <source>Renunță</source>
            <translation>Отмена</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="main_window.py" />
            <source>Acțiunea &amp;selectată</source>
            <translation>Выбранное &amp;мероприятие</translation>
        </message>
        <message>
            <location filename="main_window.py" />
            <source>&amp;Textul raportului (rezumat, riscuri, propuneri)</source>
            <translation>&amp;Текст отчёта (резюме, риски, предложения)</translation>
        </message>
        <message>
            <location filename="main_window.py" />
            <source>&amp;Bara de instrumente</source>
            <translation>&amp;Панель инструментов</translation>
        </message>
        <message>
            <location filename="main_window.py" />
            <source>&amp;Anulează</source>
            <translation>&amp;Отменить</translation>
        </message>
        <message>
            <location filename="main_window.py" />
            <source>&amp;Refă</source>
            <translation>&amp;Повторить</translation>
        </message>
        <message>
            <location filename="main_window.py" />
            <source>Anulează</source>
            <translation>Отменить</translation>
        </message>
        <message>
            <location filename="main_window.py" />
            <source>Refă</source>
            <translation>Повторить</translation>
        </message>
        <message>
            <location filename="main_window.py" />
            <source>Ca&amp;ută acțiunea</source>
            <translation>&amp;Найти мероприятие</translation>
        </message>
        <message>
            <location filename="main_window.py" />
            <source>Caută în &amp;informații…</source>
            <translation>Поиск по &amp;сведениям…</translation>
        </message>
        <message>
            <location filename="main_window.py" />
            <source>Caută în descrieri, valori, textul raportului și plan, în toate perioadele</source>
            <translation>Поиск в описаниях, значениях, тексте отчёта и плане, во всех периодах</translation>
        </message>
        <message>
            <location filename="main_window.py" />
            <source>&amp;Arborele planului</source>
            <translation>&amp;Дерево плана</translation>
        </message>
        <message>
            <location filename="main_window.py" />
            <source>&amp;Indicatorii acțiunii (în antet)</source>
            <translation>&amp;Индикаторы мероприятия (в заголовке)</translation>
        </message>
        <message>
            <location filename="main_window.py" />
            <source>A&amp;ntetul acțiunii</source>
            <translation>&amp;Заголовок мероприятия</translation>
        </message>
        <message>
            <location filename="main_window.py" />
            <source>&amp;Constatările</source>
            <translation>За&amp;мечания</translation>
        </message>
        <message>
            <location filename="main_window.py" />
            <source>&amp;Subdiviziunile primăriei…</source>
            <translation>&amp;Подразделения примэрии…</translation>
        </message>
        <message>
            <location filename="main_window.py" />
            <source>Î&amp;nchide programul</source>
            <translation>&amp;Выход из программы</translation>
        </message>
        <message>
            <location filename="main_window.py" />
            <source>&amp;Scurtături de tastatură</source>
            <translation>&amp;Сочетания клавиш</translation>
        </message>
        <message>
            <location filename="main_window.py" />
            <source>&amp;Despre {app}</source>
            <translation>&amp;О программе {app}</translation>
        </message>
        <message>
            <location filename="main_window.py" />
            <source>Anulează: {what} (Ctrl+Z)</source>
            <translation>Отменить: {what} (Ctrl+Z)</translation>
        </message>
        <message>
            <location filename="main_window.py" />
            <source>Refă: {what} (Ctrl+Y)</source>
            <translation>Повторить: {what} (Ctrl+Y)</translation>
        </message>
        <message>
            <location filename="main_window.py" />
            <source>&amp;Fișier</source>
            <translation>&amp;Файл</translation>
        </message>
        <message>
            <location filename="main_window.py" />
            <source>&amp;Editare</source>
            <translation>&amp;Правка</translation>
        </message>
        <message>
            <location filename="main_window.py" />
            <source>&amp;Vizualizare</source>
            <translation>&amp;Вид</translation>
        </message>
        <message>
            <location filename="main_window.py" />
            <source>&amp;Plan</source>
            <translation>П&amp;лан</translation>
        </message>
        <message>
            <location filename="main_window.py" />
            <source>F&amp;ormulare</source>
            <translation>Ф&amp;ормы</translation>
        </message>
        <message>
            <location filename="main_window.py" />
            <source>E&amp;xport</source>
            <translation>&amp;Экспорт</translation>
        </message>
        <message>
            <location filename="main_window.py" />
            <source>&amp;Ajutor</source>
            <translation>&amp;Справка</translation>
        </message>
        <message>
            <location filename="main_window.py" />
            <source>Bara principală</source>
            <translation>Основная панель</translation>
        </message>
        <message>
            <location filename="main_window.py" />
            <source>DEMO (date demonstrative, fișier separat)</source>
            <translation>DEMO (демонстрационные данные, отдельный файл)</translation>
        </message>
        <message>
            <location filename="main_window.py" />
            <source>nicio perioadă</source>
            <translation>нет периода</translation>
        </message>
        <message>
            <location filename="main_window.py" />
            <source>Perioada: {label}</source>
            <translation>Период: {label}</translation>
        </message>
        <message>
            <location filename="main_window.py" />
            <source>Scurtături de tastatură</source>
            <translation>Сочетания клавиш</translation>
        </message>
        <message>
            <location filename="main_window.py" />
            <source>&lt;table cellpadding=3&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Tab / Shift+Tab&lt;/b&gt;&lt;/td&gt;&lt;td&gt;celula din dreapta / din stânga&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Enter / Shift+Enter&lt;/b&gt;&lt;/td&gt;&lt;td&gt;salvează și trece la rândul de jos / de sus&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Tastați direct&lt;/b&gt;&lt;/td&gt;&lt;td&gt;înlocuiește conținutul celulei&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F2&lt;/b&gt; sau dublu-clic&lt;/td&gt;&lt;td&gt;modifică celula (pe rândul Total: totalul manual)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Enter&lt;/b&gt;&lt;/td&gt;&lt;td&gt;salvează descrierea (Enter începe un rând nou)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Esc&lt;/b&gt;&lt;/td&gt;&lt;td&gt;renunță la modificarea celulei&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Delete&lt;/b&gt;&lt;/td&gt;&lt;td&gt;golește celulele selectate&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+C / Ctrl+V&lt;/b&gt;&lt;/td&gt;&lt;td&gt;copiază / lipește blocuri din și în Excel&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Z / Ctrl+Y&lt;/b&gt;&lt;/td&gt;&lt;td&gt;anulează / refă&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+M&lt;/b&gt;&lt;/td&gt;&lt;td&gt;totalul manual al coloanei (cu motiv)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+'&lt;/b&gt;&lt;/td&gt;&lt;td&gt;valoarea din perioada precedentă în celula curentă&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Shift+H&lt;/b&gt;&lt;/td&gt;&lt;td&gt;istoricul celulei pe perioade&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+F&lt;/b&gt;&lt;/td&gt;&lt;td&gt;caută acțiunea după cod sau cuvinte&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Shift+F&lt;/b&gt;&lt;/td&gt;&lt;td&gt;caută în descrieri, valori, raport și plan, în toate perioadele&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+E&lt;/b&gt;&lt;/td&gt;&lt;td&gt;exportă raportul Word&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
            <translation>&lt;table cellpadding=3&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Tab / Shift+Tab&lt;/b&gt;&lt;/td&gt;&lt;td&gt;ячейка справа / слева&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Enter / Shift+Enter&lt;/b&gt;&lt;/td&gt;&lt;td&gt;сохранить и перейти на строку ниже / выше&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Просто печатайте&lt;/b&gt;&lt;/td&gt;&lt;td&gt;заменяет содержимое ячейки&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F2&lt;/b&gt; или двойной щелчок&lt;/td&gt;&lt;td&gt;изменить ячейку (в строке «Итого»: итог вручную)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Enter&lt;/b&gt;&lt;/td&gt;&lt;td&gt;сохранить описание (Enter начинает новую строку)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Esc&lt;/b&gt;&lt;/td&gt;&lt;td&gt;отменить изменение ячейки&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Delete&lt;/b&gt;&lt;/td&gt;&lt;td&gt;очистить выделенные ячейки&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+C / Ctrl+V&lt;/b&gt;&lt;/td&gt;&lt;td&gt;копировать / вставить блоки из Excel и в Excel&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Z / Ctrl+Y&lt;/b&gt;&lt;/td&gt;&lt;td&gt;отменить / повторить&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+M&lt;/b&gt;&lt;/td&gt;&lt;td&gt;итог столбца вручную (с причиной)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+'&lt;/b&gt;&lt;/td&gt;&lt;td&gt;значение из предыдущего периода в текущую ячейку&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Shift+H&lt;/b&gt;&lt;/td&gt;&lt;td&gt;история ячейки по периодам&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+F&lt;/b&gt;&lt;/td&gt;&lt;td&gt;найти мероприятие по коду или словам&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Shift+F&lt;/b&gt;&lt;/td&gt;&lt;td&gt;поиск в описаниях, значениях, отчёте и плане, во всех периодах&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+E&lt;/b&gt;&lt;/td&gt;&lt;td&gt;экспорт отчёта Word&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
        </message>
        <message>
            <location filename="main_window.py" />
            <source>Despre {app}</source>
            <translation>О программе {app}</translation>
        </message>
        <message>
            <location filename="main_window.py" />
            <source>&lt;h3&gt;{app} {version}&lt;/h3&gt;&lt;p&gt;Monitorizarea Planului local anticorupție 2023-2027 al municipiului Bălți: informațiile subdiviziunilor, totalurile, verificările și raportul semestrial Word.&lt;/p&gt;&lt;p&gt;Fișierul de date: {path}&lt;/p&gt;</source>
            <translation>&lt;h3&gt;{app} {version}&lt;/h3&gt;&lt;p&gt;Мониторинг Местного антикоррупционного плана 2023-2027 муниципия Бэлць: сведения подразделений, итоги, проверки и полугодовой отчёт Word.&lt;/p&gt;&lt;p&gt;Файл данных: {path}&lt;/p&gt;</translation>
        </message>
    </context>
    <context>
        <name>Marks</name>
        <message>
            <location filename="marks.py" />
            <source>scadentă, realizată</source>
            <translation>срок наступил, выполнено</translation>
        </message>
        <message>
            <location filename="marks.py" />
            <source>nerealizat, termen depășit</source>
            <translation>не выполнено, срок истёк</translation>
        </message>
        <message>
            <location filename="marks.py" />
            <source>nescadent</source>
            <translation>срок не наступил</translation>
        </message>
        <message>
            <location filename="marks.py" />
            <source>în desfășurare (nu este scadentă acum)</source>
            <translation>выполняется (срок сейчас не наступил)</translation>
        </message>
        <message>
            <location filename="marks.py" />
            <source>nestabilit (textul termenului nu a putut fi citit; stabiliți-l în Ani și termene)</source>
            <translation>не установлен (текст срока не удалось прочитать; установите его в «Годы и сроки»)</translation>
        </message>
        <message>
            <location filename="marks.py" />
            <source>Toate subdiviziunile responsabile au realizat toți indicatorii.</source>
            <translation>Все ответственные подразделения выполнили все индикаторы.</translation>
        </message>
        <message>
            <location filename="marks.py" />
            <source>Există restanțe: informații lipsă sau indicatori nerealizați.</source>
            <translation>Есть задолженности: недостающие сведения или невыполненные индикаторы.</translation>
        </message>
        <message>
            <location filename="marks.py" />
            <source>Nu s-a introdus încă nicio informație pentru această perioadă.</source>
            <translation>За этот период ещё не введено никаких сведений.</translation>
        </message>
        <message>
            <location filename="marks.py" />
            <source>Subdiviziuni: {all} cu toți indicatorii, {arrears} cu restanțe, {none} fără niciunul.</source>
            <translation>Подразделения: со всеми индикаторами — {all}, с задолженностью — {arrears}, без единого — {none}.</translation>
        </message>
        <message>
            <location filename="marks.py" />
            <source>Termen: {state}.</source>
            <translation>Срок: {state}.</translation>
        </message>
        <message>
            <location filename="marks.py" />
            <source>M: totaluri introduse manual.</source>
            <translation>M: итоги, введённые вручную.</translation>
        </message>
        <message numerus="yes">
            <location filename="marks.py" />
            <source>!: %n constatări ale verificărilor.</source>
            <translation>
                <numerusform>!: %n замечание проверок.</numerusform>
                <numerusform>!: %n замечания проверок.</numerusform>
                <numerusform>!: %n замечаний проверок.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="marks.py" />
            <source>complet</source>
            <translation>полностью</translation>
        </message>
        <message>
            <location filename="marks.py" />
            <source>restanțe</source>
            <translation>задолженности</translation>
        </message>
        <message>
            <location filename="marks.py" />
            <source>nimic încă</source>
            <translation>пока ничего</translation>
        </message>
        <message>
            <location filename="marks.py" />
            <source>total manual</source>
            <translation>итог вручную</translation>
        </message>
        <message>
            <location filename="marks.py" />
            <source>constatări</source>
            <translation>замечания</translation>
        </message>
        <message>
            <location filename="marks.py" />
            <source>Rezultatele perioadei sunt scrise.</source>
            <translation>Результаты за период записаны.</translation>
        </message>
        <message>
            <location filename="marks.py" />
            <source>Nu s-a scris încă nimic pentru această perioadă.</source>
            <translation>За этот период ещё ничего не записано.</translation>
        </message>
        <message>
            <location filename="marks.py" />
            <source>Statusul se raportează pe subacțiuni.</source>
            <translation>Статус указывается по подмероприятиям.</translation>
        </message>
        <message>
            <location filename="marks.py" />
            <source>!: statusul lipsește pentru această perioadă.</source>
            <translation>!: статус за этот период отсутствует.</translation>
        </message>
        <message>
            <location filename="marks.py" />
            <source>Status: {status}</source>
            <translation>Статус: {status}</translation>
        </message>
        <message>
            <location filename="marks.py" />
            <source>!: statusul nu este unul al planului (se păstrează cum a fost scris).</source>
            <translation>!: этого статуса нет в плане (сохраняется так, как записан).</translation>
        </message>
    </context>
    <context>
        <name>NarrativePage</name>
        <message>
            <location filename="narrative_page.py" />
            <source>Adaugă ciorna: acțiunile scadente nerealizate…</source>
            <translation>Добавить черновик: невыполненные мероприятия с наступившим сроком…</translation>
        </message>
        <message>
            <location filename="narrative_page.py" />
            <source>Acțiunile scadente la sfârșitul perioadei care nu sunt realizate, cu subdiviziunile responsabile, adăugate la riscuri pentru a fi redactate</source>
            <translation>Мероприятия со сроком на конец периода, которые не выполнены, с ответственными подразделениями — добавляются к рискам для редактирования</translation>
        </message>
        <message>
            <location filename="narrative_page.py" />
            <source>&lt;b&gt;Nu există nicio perioadă.&lt;/b&gt; Creați mai întâi o perioadă.</source>
            <translation>&lt;b&gt;Нет ни одного периода.&lt;/b&gt; Сначала создайте период.</translation>
        </message>
        <message>
            <location filename="narrative_page.py" />
            <source>&lt;h3&gt;Textul raportului pentru {label}&lt;/h3&gt;</source>
            <translation>&lt;h3&gt;Текст отчёта за {label}&lt;/h3&gt;</translation>
        </message>
        <message>
            <location filename="narrative_page.py" />
            <source>Modificări nesalvate…</source>
            <translation>Несохранённые изменения…</translation>
        </message>
        <message>
            <location filename="narrative_page.py" />
            <source>Ciorna secțiunii III</source>
            <translation>Черновик раздела III</translation>
        </message>
        <message>
            <location filename="narrative_page.py" />
            <source>Nu sunt acțiuni scadente nerealizate în această perioadă.</source>
            <translation>В этом периоде нет невыполненных мероприятий с наступившим сроком.</translation>
        </message>
        <message>
            <location filename="narrative_page.py" />
            <source>Adăugați la riscuri aceste paragrafe, pentru a le redacta?

{items}</source>
            <translation>Добавить эти абзацы к рискам для редактирования?

{items}</translation>
        </message>
        <message>
            <location filename="narrative_page.py" />
            <location filename="narrative_page.ui" />
            <source>Textul se salvează automat.</source>
            <translation>Текст сохраняется автоматически.</translation>
        </message>
        <message>
            <location filename="narrative_page.py" />
            <source>Textul raportului</source>
            <translation>Текст отчёта</translation>
        </message>
        <message>
            <location filename="narrative_page.py" />
            <source>Salvat.</source>
            <translation>Сохранено.</translation>
        </message>
        <message>
            <location filename="narrative_page.py" />
            <source>Se afișează textul salvat de altcineva.</source>
            <translation>Показан текст, сохранённый другим пользователем.</translation>
        </message>
        <message>
            <location filename="narrative_page.py" />
            <source>Riscuri: fraza de introducere</source>
            <translation>Риски: вступительная фраза</translation>
        </message>
        <message>
            <location filename="narrative_page.py" />
            <source>Propuneri: fraza de introducere</source>
            <translation>Предложения: вступительная фраза</translation>
        </message>
        <message>
            <location filename="narrative_page.py" />
            <source>Elaborat: numele</source>
            <translation>Составил: имя</translation>
        </message>
        <message>
            <location filename="narrative_page.py" />
            <source>Elaborat: funcția</source>
            <translation>Составил: должность</translation>
        </message>
        <message>
            <location filename="narrative_page.py" />
            <source>Coordonat: numele</source>
            <translation>Согласовал: имя</translation>
        </message>
        <message>
            <location filename="narrative_page.py" />
            <source>Coordonat: funcția</source>
            <translation>Согласовал: должность</translation>
        </message>
        <message>
            <location filename="narrative_page.py" />
            <source>Alte semnături</source>
            <translation>Другие подписи</translation>
        </message>
        <message>
            <location filename="narrative_page.ui" />
            <source>I. Rezumatul executiv privind principalele progrese și deficiențe</source>
            <translation>I. Rezumatul executiv privind principalele progrese și deficiențe (краткое резюме об основных успехах и недостатках)</translation>
        </message>
        <message>
            <location filename="narrative_page.ui" />
            <source>Principalele progrese și deficiențe ale perioadei; menționați actul de aprobare a planului.</source>
            <translation>Основные успехи и недостатки периода; укажите акт об утверждении плана.</translation>
        </message>
        <message>
            <location filename="narrative_page.ui" />
            <source>III. Riscuri aferente implementării acțiunilor</source>
            <translation>III. Riscuri aferente implementării acțiunilor (риски выполнения мероприятий)</translation>
        </message>
        <message>
            <location filename="narrative_page.ui" />
            <source>Fraza de introducere, de ex. „Pot apărea următoarele riscuri:”</source>
            <translation>Вводная фраза (на румынском, как в отчёте), напр. «Pot apărea următoarele riscuri:»</translation>
        </message>
        <message>
            <location filename="narrative_page.ui" />
            <source>Câte un risc pe paragraf (fiecare rând nou începe alt risc):</source>
            <translation>По одному риску на абзац (каждая новая строка начинает новый риск):</translation>
        </message>
        <message>
            <location filename="narrative_page.ui" />
            <source>IV. Propuneri de modificare și ajustare a planului de acțiuni</source>
            <translation>IV. Propuneri de modificare și ajustare a planului de acțiuni (предложения по изменению плана)</translation>
        </message>
        <message>
            <location filename="narrative_page.ui" />
            <source>Fraza de introducere, de ex. „Propunem următoarele modificări:”</source>
            <translation>Вводная фраза (на румынском, как в отчёте), напр. «Propunem următoarele modificări:»</translation>
        </message>
        <message>
            <location filename="narrative_page.ui" />
            <source>Câte o propunere pe paragraf (fiecare rând nou începe altă propunere):</source>
            <translation>По одному предложению на абзац (каждая новая строка начинает новое предложение):</translation>
        </message>
        <message>
            <location filename="narrative_page.ui" />
            <source>Semnături</source>
            <translation>Подписи</translation>
        </message>
        <message>
            <location filename="narrative_page.ui" />
            <source>Numele</source>
            <translation>Имя</translation>
        </message>
        <message>
            <location filename="narrative_page.ui" />
            <source>Funcția</source>
            <translation>Должность</translation>
        </message>
        <message>
            <location filename="narrative_page.ui" />
            <source>&amp;Elaborat:</source>
            <translation>&amp;Составил:</translation>
        </message>
        <message>
            <location filename="narrative_page.ui" />
            <source>&amp;Coordonat:</source>
            <translation>Со&amp;гласовал:</translation>
        </message>
        <message>
            <location filename="narrative_page.ui" />
            <source>Alte &amp;semnături:</source>
            <translation>Другие &amp;подписи:</translation>
        </message>
        <message>
            <location filename="narrative_page.ui" />
            <source>Câte una pe rând: Funcția | Numele</source>
            <translation>По одной на строку: Должность | Имя</translation>
        </message>
    </context>
    <context>
        <name>OverrideDialog</name>
        <message>
            <location filename="override_dialog.py" />
            <source>Totalul calculat automat: &lt;b&gt;{value}&lt;/b&gt;</source>
            <translation>Итог, вычисленный автоматически: &lt;b&gt;{value}&lt;/b&gt;</translation>
        </message>
        <message>
            <location filename="override_dialog.py" />
            <source>&amp;Revino la totalul calculat</source>
            <translation>&amp;Вернуть вычисленный итог</translation>
        </message>
        <message>
            <location filename="override_dialog.py" />
            <source>Scrieți motivul pentru care totalul se introduce manual.</source>
            <translation>Укажите причину, по которой итог вводится вручную.</translation>
        </message>
        <message>
            <location filename="override_dialog.ui" />
            <source>Totalul introdus manual</source>
            <translation>Итог, введённый вручную</translation>
        </message>
        <message>
            <location filename="override_dialog.ui" />
            <source>&amp;Totalul care se tipărește în raport:</source>
            <translation>&amp;Итог, который печатается в отчёте:</translation>
        </message>
        <message>
            <location filename="override_dialog.ui" />
            <source>&amp;Motivul (obligatoriu; apare la verificări):</source>
            <translation>&amp;Причина (обязательно; видна в проверках):</translation>
        </message>
        <message>
            <location filename="override_dialog.ui" />
            <source>De exemplu: aceleași persoane au fost raportate de două subdiviziuni.</source>
            <translation>Например: одни и те же лица указаны двумя подразделениями.</translation>
        </message>
        <message>
            <location filename="override_dialog.ui" />
            <source>Introdus &amp;de:</source>
            <translation>&amp;Кем введено:</translation>
        </message>
    </context>
    <context>
        <name>OverviewDialog</name>
        <message>
            <location filename="charts_dialog.py" />
            <source>Planul pe perioade</source>
            <translation>План по периодам</translation>
        </message>
    </context>
    <context>
        <name>PeriodActions</name>
        <message>
            <location filename="period_actions.py" />
            <source>Șterge &amp;perioada afișată…</source>
            <translation>&amp;Удалить показанный период…</translation>
        </message>
        <message>
            <location filename="period_actions.py" />
            <source>Șterge perioada cu tot ce s-a introdus pentru ea (se face întâi o copie automată)</source>
            <translation>Удалить период со всем, что для него введено (сначала создаётся автоматическая копия)</translation>
        </message>
        <message>
            <location filename="period_actions.py" />
            <source>Ștergerea perioadei</source>
            <translation>Удаление периода</translation>
        </message>
        <message>
            <location filename="period_actions.py" />
            <source>{contents}

Tot ce este mai sus se șterge din fișier. Înainte de ștergere se face o copie automată (Fișier → Copii automate), din care perioada poate fi readusă; Ctrl+Z nu o readuce.

Ștergeți perioada {code}?</source>
            <translation>{contents}

Всё перечисленное выше удаляется из файла. Перед удалением создаётся автоматическая копия (Файл → Автоматические копии), из которой период можно вернуть; Ctrl+Z его не вернёт.

Удалить период {code}?</translation>
        </message>
        <message>
            <location filename="period_actions.py" />
            <source> Copia automată de dinainte: {name}.</source>
            <translation> Автоматическая копия перед удалением: {name}.</translation>
        </message>
        <message>
            <location filename="period_actions.py" />
            <source>Perioada {code} a fost ștearsă.{where}</source>
            <translation>Период {code} удалён.{where}</translation>
        </message>
    </context>
    <context>
        <name>PeriodBar</name>
        <message>
            <location filename="period_bar.py" />
            <source>Planul de acțiuni</source>
            <translation>План действий</translation>
        </message>
        <message>
            <location filename="period_bar.py" />
            <source>Anul perioadei de raportare</source>
            <translation>Год отчётного периода</translation>
        </message>
        <message>
            <location filename="period_bar.py" />
            <source>Semestrul perioadei de raportare</source>
            <translation>Полугодие отчётного периода</translation>
        </message>
        <message>
            <location filename="period_bar.py" />
            <source>P&amp;lanul:</source>
            <translation>Пла&amp;н:</translation>
        </message>
        <message>
            <location filename="period_bar.py" />
            <source>An&amp;ul:</source>
            <translation>Го&amp;д:</translation>
        </message>
        <message>
            <location filename="period_bar.py" />
            <source>Pe&amp;rioada:</source>
            <translation>Пе&amp;риод:</translation>
        </message>
        <message>
            <location filename="period_bar.py" />
            <source>Perioadă &amp;nouă…</source>
            <translation>&amp;Новый период…</translation>
        </message>
        <message>
            <location filename="period_bar.py" />
            <source>Creează perioada de raportare următoare</source>
            <translation>Создать следующий отчётный период</translation>
        </message>
        <message>
            <location filename="period_bar.py" />
            <source>—</source>
            <translation>—</translation>
        </message>
        <message>
            <location filename="period_bar.py" />
            <source>nicio perioadă</source>
            <translation>нет периода</translation>
        </message>
        <message>
            <location filename="period_bar.py" />
            <source>toată perioada</source>
            <translation>весь период</translation>
        </message>
        <message>
            <location filename="period_bar.py" />
            <source>semestrul I</source>
            <translation>I полугодие</translation>
        </message>
        <message>
            <location filename="period_bar.py" />
            <source>semestrul II</source>
            <translation>II полугодие</translation>
        </message>
        <message>
            <location filename="period_bar.py" />
            <source>anual</source>
            <translation>год</translation>
        </message>
        <message>
            <location filename="period_bar.py" />
            <source>Perioadă nouă</source>
            <translation>Новый период</translation>
        </message>
        <message>
            <location filename="period_bar.py" />
            <source>Creați perioada de raportare {label}?</source>
            <translation>Создать отчётный период {label}?</translation>
        </message>
        <message>
            <location filename="period_bar.py" />
            <source>Perioada {code}</source>
            <translation>Период {code}</translation>
        </message>
        <message>
            <location filename="period_bar.py" />
            <source>Eroare.</source>
            <translation>Ошибка.</translation>
        </message>
    </context>
    <context>
        <name>PlanActions</name>
        <message>
            <location filename="plan_actions.py" />
            <source>&amp;Editează planul…</source>
            <translation>&amp;Редактировать план…</translation>
        </message>
        <message>
            <location filename="plan_actions.py" />
            <source>Adaugă, modifică, mută sau șterge priorități, acțiuni, subacțiuni și indicatori</source>
            <translation>Добавить, изменить, переместить или удалить приоритеты, мероприятия, подмероприятия и индикаторы</translation>
        </message>
        <message>
            <location filename="plan_actions.py" />
            <source>Editează &amp;acțiunea selectată…</source>
            <translation>Редактировать выбранное &amp;мероприятие…</translation>
        </message>
        <message>
            <location filename="plan_actions.py" />
            <source>Titlul, termenul, responsabilii și coloanele proprii ale planului pentru acțiunea afișată</source>
            <translation>Название, срок, ответственные и собственные столбцы плана для показанного мероприятия</translation>
        </message>
        <message>
            <location filename="plan_actions.py" />
            <source>Adaugă un plan e&amp;xemplu…</source>
            <translation>&amp;Добавить пример плана…</translation>
        </message>
        <message>
            <location filename="plan_actions.py" />
            <source>Adaugă în fișier unul dintre planurile exemplu incluse (alte primării și ministere)</source>
            <translation>Добавить в файл один из прилагаемых примеров планов (другие примэрии и министерства)</translation>
        </message>
        <message>
            <location filename="plan_actions.py" />
            <source>Acțiunea</source>
            <translation>Мероприятие</translation>
        </message>
        <message>
            <location filename="plan_actions.py" />
            <source>Subacțiunea</source>
            <translation>Подмероприятие</translation>
        </message>
        <message>
            <location filename="plan_actions.py" />
            <source>Modificarea planului</source>
            <translation>Изменение плана</translation>
        </message>
        <message>
            <location filename="plan_actions.py" />
            <source>Plan exemplu</source>
            <translation>Пример плана</translation>
        </message>
        <message>
            <location filename="plan_actions.py" />
            <source>Adăugați în fișierul deschis planul exemplu „{title}”?

{description}

Planurile existente și datele lor rămân neschimbate. Înainte se face o copie automată (Fișier → Copii automate); adăugarea nu se anulează cu Ctrl+Z.</source>
            <translation>Добавить в открытый файл пример плана «{title}»?

{description}

Существующие планы и их данные не изменяются. Сначала создаётся автоматическая копия (Файл → Автоматические копии); добавление не отменяется через Ctrl+Z.</translation>
        </message>
        <message>
            <location filename="plan_actions.py" />
            <source>Planul exemplu „{title}” a fost adăugat și este afișat.</source>
            <translation>Пример плана «{title}» добавлен и показан.</translation>
        </message>
    </context>
    <context>
        <name>PlanEditor</name>
        <message>
            <location filename="plan_editor.py" />
            <source>Editarea planului</source>
            <translation>Редактирование плана</translation>
        </message>
        <message>
            <location filename="plan_editor.py" />
            <source>Elementul planului</source>
            <translation>Элемент плана</translation>
        </message>
        <message>
            <location filename="plan_editor.py" />
            <source>Detalii</source>
            <translation>Подробности</translation>
        </message>
        <message>
            <location filename="plan_editor.py" />
            <source>Adaugă &amp;prioritate</source>
            <translation>Добавить &amp;приоритет</translation>
        </message>
        <message>
            <location filename="plan_editor.py" />
            <source>Adaugă &amp;acțiune</source>
            <translation>Добавить &amp;мероприятие</translation>
        </message>
        <message>
            <location filename="plan_editor.py" />
            <source>Adaugă &amp;subacțiune</source>
            <translation>Добавить п&amp;одмероприятие</translation>
        </message>
        <message>
            <location filename="plan_editor.py" />
            <source>Adaugă &amp;indicator</source>
            <translation>Добавить &amp;индикатор</translation>
        </message>
        <message>
            <location filename="plan_editor.py" />
            <source>Adaugă &amp;coloană</source>
            <translation>Добавить &amp;столбец</translation>
        </message>
        <message>
            <location filename="plan_editor.py" />
            <source>O coloană proprie a planului (parteneri, costuri, riscuri …): un text pentru fiecare acțiune</source>
            <translation>Собственный столбец плана (партнёры, затраты, риски …): один текст для каждого мероприятия</translation>
        </message>
        <message>
            <location filename="plan_editor.py" />
            <source>&amp;Editează…</source>
            <translation>Изм&amp;енить…</translation>
        </message>
        <message>
            <location filename="plan_editor.py" />
            <source>Mută în &amp;sus</source>
            <translation>Переместить &amp;вверх</translation>
        </message>
        <message>
            <location filename="plan_editor.py" />
            <source>Mută în &amp;jos</source>
            <translation>Переместить в&amp;низ</translation>
        </message>
        <message>
            <location filename="plan_editor.py" />
            <source>Șter&amp;ge…</source>
            <translation>&amp;Удалить…</translation>
        </message>
        <message>
            <location filename="plan_editor.py" />
            <source>Mută în s&amp;us</source>
            <translation>Переместить ввер&amp;х</translation>
        </message>
        <message>
            <location filename="plan_editor.py" />
            <source>Editează elementul selectat (Enter sau F2)</source>
            <translation>Изменить выбранный элемент (Enter или F2)</translation>
        </message>
        <message>
            <location filename="plan_editor.py" />
            <source>Mută elementul mai sus (Ctrl+Sus)</source>
            <translation>Переместить элемент выше (Ctrl+Вверх)</translation>
        </message>
        <message>
            <location filename="plan_editor.py" />
            <source>Mută elementul mai jos (Ctrl+Jos)</source>
            <translation>Переместить элемент ниже (Ctrl+Вниз)</translation>
        </message>
        <message>
            <location filename="plan_editor.py" />
            <source>Șterge elementul selectat (Delete)</source>
            <translation>Удалить выбранный элемент (Delete)</translation>
        </message>
        <message>
            <location filename="plan_editor.py" />
            <source>Codurile acțiunilor și numerele priorităților rămân cum le scrieți; mutarea schimbă doar ordinea. Numerele indicatorilor urmează locul lor în acțiune: valorile introduse rămân la indicatorii lor. Ctrl+Z anulează orice modificare.</source>
            <translation>Коды мероприятий и номера приоритетов остаются такими, как вы их записали; перемещение меняет только порядок. Номера индикаторов следуют их месту в мероприятии: введённые значения остаются при своих индикаторах. Ctrl+Z отменяет любое изменение.</translation>
        </message>
        <message>
            <location filename="plan_editor.py" />
            <source>Închide</source>
            <translation>Закрыть</translation>
        </message>
        <message>
            <location filename="plan_editor.py" />
            <source>Coloanele planului</source>
            <translation>Столбцы плана</translation>
        </message>
        <message>
            <location filename="plan_editor.py" />
            <source>Prioritatea {number}. {title}</source>
            <translation>Приоритет {number}. {title}</translation>
        </message>
        <message numerus="yes">
            <location filename="plan_editor.py" />
            <source>%n valori</source>
            <translation>
                <numerusform>%n значение</numerusform>
                <numerusform>%n значения</numerusform>
                <numerusform>%n значений</numerusform>
            </translation>
        </message>
        <message>
            <location filename="plan_editor.py" />
            <source> (nr. {number})</source>
            <translation> (№ {number})</translation>
        </message>
        <message>
            <location filename="plan_editor.py" />
            <source>în plan și în raport</source>
            <translation>в плане и в отчёте</translation>
        </message>
        <message>
            <location filename="plan_editor.py" />
            <source>doar în plan</source>
            <translation>только в плане</translation>
        </message>
        <message>
            <location filename="plan_editor.py" />
            <source>doar în raport</source>
            <translation>только в отчёте</translation>
        </message>
        <message>
            <location filename="plan_editor.py" />
            <source>nu se tipărește</source>
            <translation>не печатается</translation>
        </message>
        <message>
            <location filename="plan_editor.py" />
            <source>Coloana: {label}{number}</source>
            <translation>Столбец: {label}{number}</translation>
        </message>
        <message>
            <location filename="plan_editor.py" />
            <source>Indicatorul {number}: {text}</source>
            <translation>Индикатор {number}: {text}</translation>
        </message>
        <message>
            <location filename="plan_editor.py" />
            <source>Modificarea nu a reușit.</source>
            <translation>Изменение не удалось.</translation>
        </message>
        <message>
            <location filename="plan_editor.py" />
            <source>Prioritate nouă</source>
            <translation>Новый приоритет</translation>
        </message>
        <message>
            <location filename="plan_editor.py" />
            <source>Prioritatea {n}</source>
            <translation>Приоритет {n}</translation>
        </message>
        <message>
            <location filename="plan_editor.py" />
            <source>Acțiune nouă</source>
            <translation>Новое мероприятие</translation>
        </message>
        <message>
            <location filename="plan_editor.py" />
            <source>Subacțiune nouă</source>
            <translation>Новое подмероприятие</translation>
        </message>
        <message>
            <location filename="plan_editor.py" />
            <source>Acțiunea {code}</source>
            <translation>Мероприятие {code}</translation>
        </message>
        <message>
            <location filename="plan_editor.py" />
            <source>Coloană nouă</source>
            <translation>Новый столбец</translation>
        </message>
        <message>
            <location filename="plan_editor.py" />
            <source>Coloana „{label}”</source>
            <translation>Столбец «{label}»</translation>
        </message>
        <message>
            <location filename="plan_editor.py" />
            <source>Indicator nou</source>
            <translation>Новый индикатор</translation>
        </message>
        <message>
            <location filename="plan_editor.py" />
            <source>Indicator nou la {code}</source>
            <translation>Новый индикатор в {code}</translation>
        </message>
        <message>
            <location filename="plan_editor.py" />
            <source>Indicatorul a fost adăugat acțiunii {code}. Bifați în „Plan → Subdiviziuni responsabile…” subdiviziunile care îl raportează.</source>
            <translation>Индикатор добавлен к мероприятию {code}. Отметьте в «План → Ответственные подразделения…» подразделения, которые о нём сообщают.</translation>
        </message>
        <message>
            <location filename="plan_editor.py" />
            <source>Prioritatea</source>
            <translation>Приоритет</translation>
        </message>
        <message>
            <location filename="plan_editor.py" />
            <source>Acțiunea</source>
            <translation>Мероприятие</translation>
        </message>
        <message>
            <location filename="plan_editor.py" />
            <source>Subacțiunea</source>
            <translation>Подмероприятие</translation>
        </message>
        <message>
            <location filename="plan_editor.py" />
            <source>Indicatorul</source>
            <translation>Индикатор</translation>
        </message>
        <message>
            <location filename="plan_editor.py" />
            <source>Coloana planului</source>
            <translation>Столбец плана</translation>
        </message>
        <message>
            <location filename="plan_editor.py" />
            <source>Modificarea planului</source>
            <translation>Изменение плана</translation>
        </message>
        <message>
            <location filename="plan_editor.py" />
            <source>Mutarea în sus</source>
            <translation>Перемещение вверх</translation>
        </message>
        <message>
            <location filename="plan_editor.py" />
            <source>Mutarea în jos</source>
            <translation>Перемещение вниз</translation>
        </message>
        <message>
            <location filename="plan_editor.py" />
            <source>Ștergerea din plan</source>
            <translation>Удаление из плана</translation>
        </message>
        <message>
            <location filename="plan_editor.py" />
            <source>{contents}

Elementul se șterge din plan cu tot ce este sub el. Înainte de ștergere se face o copie automată (Fișier → Copii automate); Ctrl+Z îl readuce.

Ștergeți?</source>
            <translation>{contents}

Элемент удаляется из плана вместе со всем, что под ним. Перед удалением создаётся автоматическая копия (Файл → Автоматические копии); Ctrl+Z возвращает его.

Удалить?</translation>
        </message>
        <message>
            <location filename="plan_editor.py" />
            <source>Ștergerea: {what}</source>
            <translation>Удаление: {what}</translation>
        </message>
        <message>
            <location filename="plan_editor.py" />
            <source> Copia automată de dinainte: {name}.</source>
            <translation> Автоматическая копия до удаления: {name}.</translation>
        </message>
        <message>
            <location filename="plan_editor.py" />
            <source>{what}: șters din plan.{where}</source>
            <translation>{what}: удалено из плана.{where}</translation>
        </message>
        <message>
            <location filename="plan_item_dialog.py" />
            <source>Planul este tipărit în rapoartele semnate ale perioadelor: {periods}.

Documentele semnate rămân cum au fost semnate (amprenta lor SHA-256 se păstrează), dar un export nou al acestor perioade ar arăta planul modificat și nu ar mai corespunde semnăturii.

Modificați planul?</source>
            <translation>План печатается в подписанных отчётах периодов: {periods}.

Подписанные документы остаются такими, как были подписаны (их отпечаток SHA-256 сохраняется), но новый экспорт этих периодов покажет изменённый план и больше не будет соответствовать подписи.

Изменить план?</translation>
        </message>
        <message>
            <location filename="plan_item_dialog.py" />
            <source>Plan cu perioade semnate</source>
            <translation>План с подписанными периодами</translation>
        </message>
        <message>
            <location filename="plan_item_dialog.py" />
            <source>suma valorilor</source>
            <translation>сумма значений</translation>
        </message>
        <message>
            <location filename="plan_item_dialog.py" />
            <source>cea mai mare valoare</source>
            <translation>наибольшее значение</translation>
        </message>
        <message>
            <location filename="plan_item_dialog.py" />
            <source>valori distincte (nu se adună)</source>
            <translation>различные значения (не суммируются)</translation>
        </message>
        <message>
            <location filename="plan_item_dialog.py" />
            <source>stare (realizat / nerealizat)</source>
            <translation>состояние (выполнено / не выполнено)</translation>
        </message>
        <message>
            <location filename="plan_item_dialog.py" />
            <source>totalul se introduce manual</source>
            <translation>итог вводится вручную</translation>
        </message>
        <message>
            <location filename="plan_item_dialog.py" />
            <source>Se vede în tabelul planului și în antetul acțiunii</source>
            <translation>Виден в таблице плана и в заголовке мероприятия</translation>
        </message>
        <message>
            <location filename="plan_item_dialog.py" />
            <source>Se tipărește în raportul de progres</source>
            <translation>Печатается в отчёте о ходе выполнения</translation>
        </message>
        <message>
            <location filename="plan_item_dialog.py" />
            <source>Valorile se împart pe femei și bărbați</source>
            <translation>Значения делятся на женщин и мужчин</translation>
        </message>
        <message>
            <location filename="plan_item_dialog.py" />
            <source>Text provizoriu (lipsește din sursă, de completat)</source>
            <translation>Временный текст (отсутствует в источнике, нужно дополнить)</translation>
        </message>
        <message>
            <location filename="plan_item_dialog.py" />
            <source>Indicatorii acțiunii sunt provizorii</source>
            <translation>Индикаторы мероприятия временные</translation>
        </message>
        <message>
            <location filename="plan_item_dialog.py" />
            <source>&amp;Numărul:</source>
            <translation>Но&amp;мер:</translation>
        </message>
        <message>
            <location filename="plan_item_dialog.py" />
            <source>&amp;Titlul:</source>
            <translation>&amp;Название:</translation>
        </message>
        <message>
            <location filename="plan_item_dialog.py" />
            <source>&amp;Codul:</source>
            <translation>&amp;Код:</translation>
        </message>
        <message>
            <location filename="plan_item_dialog.py" />
            <source>T&amp;ermenul:</source>
            <translation>&amp;Срок:</translation>
        </message>
        <message>
            <location filename="plan_item_dialog.py" />
            <source>&amp;Responsabili:</source>
            <translation>&amp;Ответственные:</translation>
        </message>
        <message>
            <location filename="plan_item_dialog.py" />
            <source>&amp;Denumirea:</source>
            <translation>&amp;Название:</translation>
        </message>
        <message>
            <location filename="plan_item_dialog.py" />
            <source>&amp;Numărul coloanei:</source>
            <translation>Но&amp;мер столбца:</translation>
        </message>
        <message>
            <location filename="plan_item_dialog.py" />
            <source>Numărul:</source>
            <translation>Номер:</translation>
        </message>
        <message>
            <location filename="plan_item_dialog.py" />
            <source>&amp;Textul:</source>
            <translation>&amp;Текст:</translation>
        </message>
        <message>
            <location filename="plan_item_dialog.py" />
            <source>Regula &amp;Totalului:</source>
            <translation>&amp;Правило итога:</translation>
        </message>
        <message>
            <location filename="plan_item_dialog.py" />
            <source>Salvează</source>
            <translation>Сохранить</translation>
        </message>
        <message>
            <location filename="plan_item_dialog.py" />
            <source>Renunță</source>
            <translation>Отмена</translation>
        </message>
        <message>
            <location filename="plan_item_dialog.py" />
            <source>Completați numărul (codul).</source>
            <translation>Заполните номер (код).</translation>
        </message>
        <message>
            <location filename="plan_item_dialog.py" />
            <source>Completați textul.</source>
            <translation>Заполните текст.</translation>
        </message>
    </context>
    <context>
        <name>PlanImportWizard</name>
        <message>
            <location filename="plan_import_wizard.py" />
            <source>&amp;Importă</source>
            <translation>&amp;Импортировать</translation>
        </message>
        <message>
            <location filename="plan_import_wizard.py" />
            <source>(ghicit din cuvintele capului de tabel)</source>
            <translation>(определено по словам заголовка таблицы)</translation>
        </message>
        <message>
            <location filename="plan_import_wizard.py" />
            <source>{name}: {rows}, {cols} — {first}</source>
            <translation>{name}: {rows}, {cols} — {first}</translation>
        </message>
        <message numerus="yes">
            <location filename="plan_import_wizard.py" />
            <source>%n rânduri</source>
            <translation>
                <numerusform>%n строка</numerusform>
                <numerusform>%n строки</numerusform>
                <numerusform>%n строк</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="plan_import_wizard.py" />
            <source>%n coloane</source>
            <translation>
                <numerusform>%n столбец</numerusform>
                <numerusform>%n столбца</numerusform>
                <numerusform>%n столбцов</numerusform>
            </translation>
        </message>
        <message>
            <location filename="plan_import_wizard.py" />
            <source>Bifați cel puțin un tabel.</source>
            <translation>Отметьте хотя бы одну таблицу.</translation>
        </message>
        <message>
            <location filename="plan_import_wizard.py" />
            <source>Alegeți coloana „Acțiune”.</source>
            <translation>Выберите столбец «Мероприятие».</translation>
        </message>
        <message>
            <location filename="plan_import_wizard.py" />
            <source>Un câmp este ales pentru două coloane.</source>
            <translation>Одно поле выбрано для двух столбцов.</translation>
        </message>
        <message>
            <location filename="plan_import_wizard.py" />
            <source>În tabelele alese nu am găsit nicio acțiune.</source>
            <translation>В выбранных таблицах не найдено ни одного мероприятия.</translation>
        </message>
        <message>
            <location filename="plan_import_wizard.py" />
            <source>Alegeți ce înseamnă fiecare nume (o subdiviziune, „creează” sau „alt responsabil”).</source>
            <translation>Выберите, что означает каждое имя (подразделение, «создать» или «другой ответственный»).</translation>
        </message>
        <message>
            <location filename="plan_import_wizard.py" />
            <source>Completați codul și titlul planului.</source>
            <translation>Заполните код и название плана.</translation>
        </message>
        <message>
            <location filename="plan_import_wizard.py" />
            <source>Primul an al planului este după ultimul.</source>
            <translation>Первый год плана позже последнего.</translation>
        </message>
        <message>
            <location filename="plan_import_wizard.py" />
            <source>Nu se poate continua</source>
            <translation>Продолжить нельзя</translation>
        </message>
        <message>
            <location filename="plan_import_wizard.py" />
            <source>Coloana</source>
            <translation>Столбец</translation>
        </message>
        <message>
            <location filename="plan_import_wizard.py" />
            <source>Capul de tabel</source>
            <translation>Заголовок таблицы</translation>
        </message>
        <message>
            <location filename="plan_import_wizard.py" />
            <source>Exemplu</source>
            <translation>Пример</translation>
        </message>
        <message>
            <location filename="plan_import_wizard.py" />
            <source>Conține</source>
            <translation>Содержит</translation>
        </message>
        <message>
            <location filename="plan_import_wizard.py" />
            <source>— nefolosită —</source>
            <translation>— не используется —</translation>
        </message>
        <message>
            <location filename="plan_import_wizard.py" />
            <source>Numele scris în document</source>
            <translation>Имя, написанное в документе</translation>
        </message>
        <message>
            <location filename="plan_import_wizard.py" />
            <source>Înseamnă</source>
            <translation>Означает</translation>
        </message>
        <message>
            <location filename="plan_import_wizard.py" />
            <source>— alegeți —</source>
            <translation>— выберите —</translation>
        </message>
        <message>
            <location filename="plan_import_wizard.py" />
            <source>Creează subdiviziune nouă</source>
            <translation>Создать новое подразделение</translation>
        </message>
        <message>
            <location filename="plan_import_wizard.py" />
            <source>Alt responsabil (se păstrează ca text)</source>
            <translation>Другой ответственный (сохраняется как текст)</translation>
        </message>
        <message>
            <location filename="plan_import_wizard.py" />
            <source>Toate numele de responsabili corespund unor subdiviziuni.</source>
            <translation>Все имена ответственных соответствуют подразделениям.</translation>
        </message>
        <message>
            <location filename="plan_import_wizard.py" />
            <location filename="plan_import_wizard.ui" />
            <source>Plan</source>
            <translation>План</translation>
        </message>
        <message>
            <location filename="plan_import_wizard.py" />
            <source>Prioritatea {n}: {t}</source>
            <translation>Приоритет {n}: {t}</translation>
        </message>
        <message numerus="yes">
            <location filename="plan_import_wizard.py" />
            <source>{code} {title} — %n indicatori; responsabili: {who}; numărul din: {src}</source>
            <translation>
                <numerusform>{code} {title} — %n индикатор; ответственные: {who}; номер из: {src}</numerusform>
                <numerusform>{code} {title} — %n индикатора; ответственные: {who}; номер из: {src}</numerusform>
                <numerusform>{code} {title} — %n индикаторов; ответственные: {who}; номер из: {src}</numerusform>
            </translation>
        </message>
        <message>
            <location filename="plan_import_wizard.ui" />
            <source>Importul unui plan din tabelul unui document</source>
            <translation>Импорт плана из таблицы документа</translation>
        </message>
        <message>
            <location filename="plan_import_wizard.ui" />
            <source>1. Tabelele planului</source>
            <translation>1. Таблицы плана</translation>
        </message>
        <message>
            <location filename="plan_import_wizard.ui" />
            <source>Bifați tabelele (sau foile) care conțin planul. Tabelele cu un cap de tabel recunoscut sunt bifate.</source>
            <translation>Отметьте таблицы (или листы), которые содержат план. Таблицы с распознанным заголовком уже отмечены.</translation>
        </message>
        <message>
            <location filename="plan_import_wizard.ui" />
            <source>Tipul planului:</source>
            <translation>Тип плана:</translation>
        </message>
        <message>
            <location filename="plan_import_wizard.ui" />
            <source>2. Coloanele</source>
            <translation>2. Столбцы</translation>
        </message>
        <message>
            <location filename="plan_import_wizard.ui" />
            <source>Ce conține fiecare coloană (ghicit din cuvintele capului de tabel; schimbați unde e nevoie).</source>
            <translation>Что содержит каждый столбец (определено по словам заголовка таблицы; измените, где нужно).</translation>
        </message>
        <message>
            <location filename="plan_import_wizard.ui" />
            <source>3. Responsabilii necunoscuți</source>
            <translation>3. Неизвестные ответственные</translation>
        </message>
        <message>
            <location filename="plan_import_wizard.ui" />
            <source>Aceste nume nu corespund niciunei subdiviziuni. Alegeți pentru fiecare o subdiviziune existentă, „Creează subdiviziune nouă” sau „Alt responsabil (text)”. Niciun nume nu este ignorat.</source>
            <translation>Эти имена не соответствуют ни одному подразделению. Выберите для каждого существующее подразделение, «Создать новое подразделение» или «Другой ответственный (текст)». Ни одно имя не пропускается.</translation>
        </message>
        <message>
            <location filename="plan_import_wizard.ui" />
            <source>4. Previzualizare</source>
            <translation>4. Предпросмотр</translation>
        </message>
        <message>
            <location filename="plan_import_wizard.ui" />
            <source>Arborele citit (priorități, acțiuni, indicatori) și observațiile. „Importă” scrie tot planul într-un singur pas, după o copie automată a fișierului.</source>
            <translation>Прочитанное дерево (приоритеты, мероприятия, индикаторы) и замечания. «Импортировать» записывает весь план за один шаг, после автоматической копии файла.</translation>
        </message>
        <message>
            <location filename="plan_import_wizard.ui" />
            <source>Codul planului:</source>
            <translation>Код плана:</translation>
        </message>
        <message>
            <location filename="plan_import_wizard.ui" />
            <source>Titlul:</source>
            <translation>Название:</translation>
        </message>
        <message>
            <location filename="plan_import_wizard.ui" />
            <source>Anii:</source>
            <translation>Годы:</translation>
        </message>
    </context>
    <context>
        <name>PlanPanel</name>
        <message>
            <location filename="plan_panel.py" />
            <source>Caută acțiunea: cod sau cuvinte (Ctrl+F)</source>
            <translation>Найти мероприятие: код или слова (Ctrl+F)</translation>
        </message>
    </context>
    <context>
        <name>PlanTreeModel</name>
        <message>
            <location filename="tree_model.py" />
            <source>Prioritatea {number}. {title}</source>
            <translation>Приоритет {number}. {title}</translation>
        </message>
        <message>
            <location filename="tree_model.py" />
            <source>Acțiunile planului</source>
            <translation>Мероприятия плана</translation>
        </message>
    </context>
    <context>
        <name>PreflightDialog</name>
        <message>
            <location filename="export_dialog.py" />
            <source>Verificare înainte de export</source>
            <translation>Проверка перед экспортом</translation>
        </message>
        <message>
            <location filename="export_dialog.py" />
            <source>Nimic de semnalat: totalurile sunt calculate, toate subdiviziunile au răspuns.</source>
            <translation>Замечаний нет: итоги вычислены, все подразделения ответили.</translation>
        </message>
        <message>
            <location filename="export_dialog.py" />
            <source>Înainte de semnare, vedeți ce urmează. Dublu clic pe un rând duce la celula lui (exportul nu se face); „Exportă” scrie raportul așa cum este.</source>
            <translation>Перед подписанием посмотрите, что получится. Двойной щелчок по строке ведёт к её ячейке (экспорт не выполняется); «Экспортировать» записывает отчёт как есть.</translation>
        </message>
        <message>
            <location filename="export_dialog.py" />
            <source>Exportă și &amp;PDF (alături de documentul Word)</source>
            <translation>Экспортировать и &amp;PDF (рядом с документом Word)</translation>
        </message>
        <message>
            <location filename="export_dialog.py" />
            <source>Copie de &amp;revizuire: comentarii Word la totalurile manuale și la constatări</source>
            <translation>Копия для &amp;проверки: комментарии Word к итогам, введённым вручную, и к замечаниям</translation>
        </message>
        <message>
            <location filename="export_dialog.py" />
            <source>Raport anual: coloanele &amp;S1 | S2 | An la fiecare indicator (altfel doar valoarea anului)</source>
            <translation>Годовой отчёт: столбцы &amp;S1 | S2 | Год у каждого индикатора (иначе только значение за год)</translation>
        </message>
        <message>
            <location filename="export_dialog.py" />
            <source>Anexă cu &amp;grafice: acțiunile pe priorități și completitudinea pe perioade</source>
            <translation>Приложение с &amp;графиками: мероприятия по приоритетам и полнота по периодам</translation>
        </message>
        <message>
            <location filename="export_dialog.py" />
            <source>&amp;Exportă</source>
            <translation>&amp;Экспортировать</translation>
        </message>
        <message>
            <location filename="export_dialog.py" />
            <source>&amp;Exportă oricum</source>
            <translation>&amp;Всё равно экспортировать</translation>
        </message>
        <message>
            <location filename="export_dialog.py" />
            <source>Î&amp;napoi</source>
            <translation>&amp;Назад</translation>
        </message>
        <message>
            <location filename="export_dialog.py" />
            <source>Dublu clic: du-mă la celulă</source>
            <translation>Двойной щелчок: перейти к ячейке</translation>
        </message>
    </context>
    <context>
        <name>ReportImportActions</name>
        <message>
            <location filename="report_import_actions.py" />
            <source>Importă un &amp;raport semestrial (Word)…</source>
            <translation>&amp;Импорт полугодового отчёта (Word)…</translation>
        </message>
        <message>
            <location filename="report_import_actions.py" />
            <source>Aduce returii, valorile și textul unui raport semestrial .docx în istoricul perioadei lui</source>
            <translation>Переносит отчёты подразделений, значения и текст полугодового отчёта .docx в историю его периода</translation>
        </message>
        <message>
            <location filename="report_import_actions.py" />
            <source>Importă un &amp;plan din Word/Excel…</source>
            <translation>Импорт п&amp;лана из Word/Excel…</translation>
        </message>
        <message>
            <location filename="report_import_actions.py" />
            <source>Citește planul din tabelul unui document Word sau Excel (cu previzualizarea arborelui)</source>
            <translation>Читает план из таблицы документа Word или Excel (с предпросмотром дерева)</translation>
        </message>
        <message>
            <location filename="report_import_actions.py" />
            <source>Alegeți raportul semestrial</source>
            <translation>Выберите полугодовой отчёт</translation>
        </message>
        <message>
            <location filename="report_import_actions.py" />
            <source>Documente Word (*.docx);;Toate fișierele (*)</source>
            <translation>Документы Word (*.docx);;Все файлы (*)</translation>
        </message>
        <message>
            <location filename="report_import_actions.py" />
            <source>Raportul nu poate fi citit</source>
            <translation>Отчёт невозможно прочитать</translation>
        </message>
        <message>
            <location filename="report_import_actions.py" />
            <source>Importul raportului</source>
            <translation>Импорт отчёта</translation>
        </message>
        <message>
            <location filename="report_import_actions.py" />
            <source>Raportul nu a fost importat</source>
            <translation>Отчёт не импортирован</translation>
        </message>
        <message numerus="yes">
            <location filename="report_import_actions.py" />
            <source>Raportul „{name}” a fost importat în perioada {period}: %n returi.</source>
            <translation>
                <numerusform>Отчёт «{name}» импортирован в период {period}: %n отчёт подразделения.</numerusform>
                <numerusform>Отчёт «{name}» импортирован в период {period}: %n отчёта подразделений.</numerusform>
                <numerusform>Отчёт «{name}» импортирован в период {period}: %n отчётов подразделений.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="report_import_actions.py" />
            <source>Alegeți documentul cu planul</source>
            <translation>Выберите документ с планом</translation>
        </message>
        <message>
            <location filename="report_import_actions.py" />
            <source>Documente Word și Excel (*.docx *.xlsx *.doc *.odt *.rtf *.xls *.ods);;Toate fișierele (*)</source>
            <translation>Документы Word и Excel (*.docx *.xlsx *.doc *.odt *.rtf *.xls *.ods);;Все файлы (*)</translation>
        </message>
        <message>
            <location filename="report_import_actions.py" />
            <source>„{name}” nu conține niciun tabel.</source>
            <translation>В «{name}» нет ни одной таблицы.</translation>
        </message>
        <message>
            <location filename="report_import_actions.py" />
            <source>Documentul nu poate fi citit</source>
            <translation>Документ невозможно прочитать</translation>
        </message>
        <message>
            <location filename="report_import_actions.py" />
            <source>Importul planului</source>
            <translation>Импорт плана</translation>
        </message>
        <message>
            <location filename="report_import_actions.py" />
            <source>Planul nu a fost importat</source>
            <translation>План не импортирован</translation>
        </message>
        <message numerus="yes">
            <location filename="report_import_actions.py" />
            <source>Planul „{title}” a fost importat: %n acțiuni.</source>
            <translation>
                <numerusform>План «{title}» импортирован: %n мероприятие.</numerusform>
                <numerusform>План «{title}» импортирован: %n мероприятия.</numerusform>
                <numerusform>План «{title}» импортирован: %n мероприятий.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ReportImportDialog</name>
        <message>
            <location filename="report_import_dialog.py" />
            <source>&lt;b&gt;Raportul „{name}”&lt;/b&gt; — perioada &lt;b&gt;{period}&lt;/b&gt;</source>
            <translation>&lt;b&gt;Отчёт «{name}»&lt;/b&gt; — период &lt;b&gt;{period}&lt;/b&gt;</translation>
        </message>
        <message numerus="yes">
            <location filename="report_import_dialog.py" />
            <source>&lt;span style='color:#8a1c00'&gt;Perioada are deja date: %n diferențe — câmpuri înlocuite și returi noi (fila „Diferențe”). Returul fiecărei subdiviziuni din raport înlocuiește returul ei pentru aceeași acțiune; celelalte returi rămân.&lt;/span&gt;</source>
            <translation>
                <numerusform>&lt;span style='color:#8a1c00'&gt;В периоде уже есть данные: %n различие — заменённые поля и новые отчёты подразделений (вкладка «Различия»). Отчёт каждого подразделения из документа заменяет его отчёт по тому же мероприятию; остальные отчёты остаются.&lt;/span&gt;</numerusform>
                <numerusform>&lt;span style='color:#8a1c00'&gt;В периоде уже есть данные: %n различия — заменённые поля и новые отчёты подразделений (вкладка «Различия»). Отчёт каждого подразделения из документа заменяет его отчёт по тому же мероприятию; остальные отчёты остаются.&lt;/span&gt;</numerusform>
                <numerusform>&lt;span style='color:#8a1c00'&gt;В периоде уже есть данные: %n различий — заменённые поля и новые отчёты подразделений (вкладка «Различия»). Отчёт каждого подразделения из документа заменяет его отчёт по тому же мероприятию; остальные отчёты остаются.&lt;/span&gt;</numerusform>
            </translation>
        </message>
        <message>
            <location filename="report_import_dialog.py" />
            <source>Acțiunea</source>
            <translation>Мероприятие</translation>
        </message>
        <message>
            <location filename="report_import_dialog.py" />
            <source>Subdiviziunea</source>
            <translation>Подразделение</translation>
        </message>
        <message>
            <location filename="report_import_dialog.py" />
            <source>Scris în raport</source>
            <translation>Записано в отчёте</translation>
        </message>
        <message>
            <location filename="report_import_dialog.py" />
            <source>Descrierea</source>
            <translation>Описание</translation>
        </message>
        <message>
            <location filename="report_import_dialog.py" />
            <source>Valorile</source>
            <translation>Значения</translation>
        </message>
        <message>
            <location filename="report_import_dialog.py" />
            <source>Unde</source>
            <translation>Где</translation>
        </message>
        <message>
            <location filename="report_import_dialog.py" />
            <source>De ce nu poate fi plasat</source>
            <translation>Почему нельзя разместить</translation>
        </message>
        <message>
            <location filename="report_import_dialog.py" />
            <source>Textul</source>
            <translation>Текст</translation>
        </message>
        <message>
            <location filename="report_import_dialog.py" />
            <source>Câmpul</source>
            <translation>Поле</translation>
        </message>
        <message>
            <location filename="report_import_dialog.py" />
            <source>Acum</source>
            <translation>Сейчас</translation>
        </message>
        <message>
            <location filename="report_import_dialog.py" />
            <source>Din raport</source>
            <translation>Из отчёта</translation>
        </message>
        <message>
            <location filename="report_import_dialog.py" />
            <source>Rânduri ({n})</source>
            <translation>Строки ({n})</translation>
        </message>
        <message>
            <location filename="report_import_dialog.py" />
            <source>Neplasate ({n})</source>
            <translation>Не размещённые ({n})</translation>
        </message>
        <message>
            <location filename="report_import_dialog.py" />
            <source>Diferențe ({n})</source>
            <translation>Различия ({n})</translation>
        </message>
        <message>
            <location filename="report_import_dialog.py" />
            <source>Observații ({n})</source>
            <translation>Замечания ({n})</translation>
        </message>
        <message>
            <location filename="report_import_dialog.py" />
            <source>&amp;Importă</source>
            <translation>&amp;Импортировать</translation>
        </message>
        <message>
            <location filename="report_import_dialog.ui" />
            <source>Importul unui raport semestrial</source>
            <translation>Импорт полугодового отчёта</translation>
        </message>
        <message>
            <location filename="report_import_dialog.ui" />
            <source>„Importă” scrie totul într-un singur pas, după o copie automată a fișierului (Fișier → Copii automate); importul nu se anulează cu Ctrl+Z. Totalurile scrise în raport se păstrează ca referință („așa cum apar în raportul sursă”), nu ca totaluri introduse manual.</source>
            <translation>«Импортировать» записывает всё за один шаг, после автоматической копии файла (Файл → Автоматические копии); импорт не отменяется через Ctrl+Z. Итоги, записанные в отчёте, сохраняются как справочные («как в исходном отчёте»), а не как итоги, введённые вручную.</translation>
        </message>
    </context>
    <context>
        <name>ResponsibilityDialog</name>
        <message>
            <location filename="responsibility_dialog.py" />
            <source>Acțiunea</source>
            <translation>Мероприятие</translation>
        </message>
        <message>
            <location filename="responsibility_dialog.py" />
            <source>Modificările se aplică de la perioada &lt;b&gt;{code}&lt;/b&gt; înainte; perioadele anterioare își păstrează subdiviziunile responsabile, indicatorii și totalurile.</source>
            <translation>Изменения применяются начиная с периода &lt;b&gt;{code}&lt;/b&gt;; предыдущие периоды сохраняют своих ответственных, индикаторы и итоги.</translation>
        </message>
        <message>
            <location filename="responsibility_dialog.py" />
            <source>Bifați cel puțin un indicator pentru: {names}.</source>
            <translation>Отметьте хотя бы один индикатор для: {names}.</translation>
        </message>
        <message>
            <location filename="responsibility_dialog.ui" />
            <source>Subdiviziunile responsabile de acțiune</source>
            <translation>Подразделения, ответственные за мероприятие</translation>
        </message>
        <message>
            <location filename="responsibility_dialog.ui" />
            <source>Bifați indicatorii la care răspunde fiecare subdiviziune. O subdiviziune a realizat „toți indicatorii” când a raportat toți indicatorii bifați. Eliminarea unei subdiviziuni nu șterge informațiile pe care le-a prezentat deja.</source>
            <translation>Отметьте индикаторы, за которые отвечает каждое подразделение. Подразделение выполнило «все индикаторы», когда сообщило обо всех отмеченных. Удаление подразделения не стирает уже представленные им сведения.</translation>
        </message>
        <message>
            <location filename="responsibility_dialog.ui" />
            <source>&amp;Adaugă</source>
            <translation>&amp;Добавить</translation>
        </message>
        <message>
            <location filename="responsibility_dialog.ui" />
            <source>Mai &amp;sus</source>
            <translation>В&amp;ыше</translation>
        </message>
        <message>
            <location filename="responsibility_dialog.ui" />
            <source>Mai j&amp;os</source>
            <translation>&amp;Ниже</translation>
        </message>
        <message>
            <location filename="responsibility_dialog.ui" />
            <source>&amp;Elimină</source>
            <translation>&amp;Удалить</translation>
        </message>
    </context>
    <context>
        <name>ResponsibilityModel</name>
        <message>
            <location filename="responsibility_dialog.py" />
            <source>Subdiviziunea</source>
            <translation>Подразделение</translation>
        </message>
        <message>
            <location filename="responsibility_dialog.py" />
            <source>Ind. {n}</source>
            <translation>Инд. {n}</translation>
        </message>
    </context>
    <context>
        <name>RestoreDialog</name>
        <message>
            <location filename="restore_dialog.py" />
            <source>&lt;b&gt;Datele deschise acum vor fi înlocuite cu cele din copia aleasă.&lt;/b&gt;&lt;br&gt;Copia: {path}&lt;br&gt;Fișierul a fost verificat și poate fi folosit. Comparați conținutul:</source>
            <translation>&lt;b&gt;Открытые сейчас данные будут заменены данными из выбранной копии.&lt;/b&gt;&lt;br&gt;Копия: {path}&lt;br&gt;Файл проверен и может быть использован. Сравните содержимое:</translation>
        </message>
        <message>
            <location filename="restore_dialog.py" />
            <source>Acum deschis</source>
            <translation>Открыто сейчас</translation>
        </message>
        <message>
            <location filename="restore_dialog.py" />
            <source>Copia aleasă</source>
            <translation>Выбранная копия</translation>
        </message>
        <message>
            <location filename="restore_dialog.py" />
            <source>&amp;Restaurează</source>
            <translation>&amp;Восстановить</translation>
        </message>
        <message>
            <location filename="restore_dialog.ui" />
            <source>Restaurare din copie</source>
            <translation>Восстановление из копии</translation>
        </message>
        <message>
            <location filename="restore_dialog.ui" />
            <source>Copia automată a datelor de acum se găsește apoi în Fișier → Copii automate. Restaurarea nu se anulează cu Ctrl+Z.</source>
            <translation>Автоматическая копия текущих данных затем находится в Файл → Автоматические копии. Восстановление не отменяется через Ctrl+Z.</translation>
        </message>
    </context>
    <context>
        <name>SearchDialog</name>
        <message>
            <location filename="search_dialog.py" />
            <source>Caută în informații</source>
            <translation>Поиск по сведениям</translation>
        </message>
        <message>
            <location filename="search_dialog.py" />
            <source>Cuvinte din descrieri, valori, textul raportului sau plan (diacriticele nu contează)</source>
            <translation>Слова из описаний, значений, текста отчёта или плана (диакритика и ё/е не важны)</translation>
        </message>
        <message>
            <location filename="search_dialog.py" />
            <source>Perioada</source>
            <translation>Период</translation>
        </message>
        <message>
            <location filename="search_dialog.py" />
            <source>Acțiunea</source>
            <translation>Мероприятие</translation>
        </message>
        <message>
            <location filename="search_dialog.py" />
            <source>Subdiviziunea</source>
            <translation>Подразделение</translation>
        </message>
        <message>
            <location filename="search_dialog.py" />
            <source>Unde</source>
            <translation>Где</translation>
        </message>
        <message>
            <location filename="search_dialog.py" />
            <source>Fragment</source>
            <translation>Фрагмент</translation>
        </message>
        <message>
            <location filename="search_dialog.py" />
            <source>&amp;Caută:</source>
            <translation>&amp;Найти:</translation>
        </message>
        <message>
            <location filename="search_dialog.py" />
            <source>în</source>
            <translation>в</translation>
        </message>
        <message>
            <location filename="search_dialog.py" />
            <source>toate perioadele</source>
            <translation>все периоды</translation>
        </message>
        <message>
            <location filename="search_dialog.py" />
            <source>Nu s-a găsit nimic.</source>
            <translation>Ничего не найдено.</translation>
        </message>
        <message numerus="yes">
            <location filename="search_dialog.py" />
            <source>Primele %n rezultate (cele mai potrivite); adăugați cuvinte pentru mai puține.</source>
            <translation>
                <numerusform>Первый %n результат (наиболее подходящий); добавьте слова, чтобы сузить поиск.</numerusform>
                <numerusform>Первые %n результата (наиболее подходящие); добавьте слова, чтобы сузить поиск.</numerusform>
                <numerusform>Первые %n результатов (наиболее подходящие); добавьте слова, чтобы сузить поиск.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="search_dialog.py" />
            <source>%n rezultate. Enter sau dublu-clic arată celula.</source>
            <translation>
                <numerusform>%n результат. Enter или двойной щелчок показывает ячейку.</numerusform>
                <numerusform>%n результата. Enter или двойной щелчок показывает ячейку.</numerusform>
                <numerusform>%n результатов. Enter или двойной щелчок показывает ячейку.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Server</name>
        <message>
            <location filename="server_actions.py" />
            <source>Parola</source>
            <translation>Пароль</translation>
        </message>
        <message>
            <location filename="server_actions.py" />
            <source>Parola pentru {user} pe {server} (nu se păstrează):</source>
            <translation>Пароль для {user} на {server} (не сохраняется):</translation>
        </message>
    </context>
    <context>
        <name>ServerActions</name>
        <message>
            <location filename="server_actions.py" />
            <source>Conectare la &amp;server…</source>
            <translation>Подключение к &amp;серверу…</translation>
        </message>
        <message>
            <location filename="server_actions.py" />
            <source>Lucrul pe baza de date comună a primăriei (PostgreSQL), împreună cu alte persoane</source>
            <translation>Работа с общей базой данных примэрии (PostgreSQL) вместе с другими пользователями</translation>
        </message>
        <message>
            <location filename="server_actions.py" />
            <source>R&amp;eîncarcă datele</source>
            <translation>Пере&amp;читать данные</translation>
        </message>
        <message>
            <location filename="server_actions.py" />
            <source>Citește din nou perioada afișată (modificările altora)</source>
            <translation>Заново прочитать показанный период (изменения других пользователей)</translation>
        </message>
        <message>
            <location filename="server_actions.py" />
            <source>Conectare la server</source>
            <translation>Подключение к серверу</translation>
        </message>
        <message>
            <location filename="server_actions.py" />
            <source>Conectat la {server} ({who}).</source>
            <translation>Подключено к {server} ({who}).</translation>
        </message>
        <message>
            <location filename="server_actions.py" />
            <source>Modificările altora nu apar singure ({error}); apăsați F5.</source>
            <translation>Изменения других пользователей не появляются сами ({error}); нажмите F5.</translation>
        </message>
        <message>
            <location filename="server_actions.py" />
            <source>Modificările altora nu mai apar singure ({error}); apăsați F5.</source>
            <translation>Изменения других пользователей больше не появляются сами ({error}); нажмите F5.</translation>
        </message>
        <message>
            <location filename="server_actions.py" />
            <source>Datele perioadei au fost citite din nou.</source>
            <translation>Данные периода прочитаны заново.</translation>
        </message>
    </context>
    <context>
        <name>ServerDialog</name>
        <message>
            <location filename="server_actions.py" />
            <source>(o conectare nouă)</source>
            <translation>(новое подключение)</translation>
        </message>
        <message>
            <location filename="server_actions.py" />
            <source>Scrieți numele bazei de date (sau un serviciu).</source>
            <translation>Введите имя базы данных (или службу).</translation>
        </message>
        <message>
            <location filename="server_dialog.ui" />
            <source>Conectare la server</source>
            <translation>Подключение к серверу</translation>
        </message>
        <message>
            <location filename="server_dialog.ui" />
            <source>Baza de date comună a primăriei, pe un server PostgreSQL. Parola nu se scrie aici: dacă serverul o cere și nu se află în fișierul de parole al PostgreSQL (.pgpass), programul o cere la conectare și nu o păstrează.</source>
            <translation>Общая база данных примэрии на сервере PostgreSQL. Пароль здесь не вводится: если сервер его требует, а его нет в файле паролей PostgreSQL (.pgpass), программа запросит его при подключении и не сохранит.</translation>
        </message>
        <message>
            <location filename="server_dialog.ui" />
            <source>Conectări &amp;recente:</source>
            <translation>&amp;Недавние подключения:</translation>
        </message>
        <message>
            <location filename="server_dialog.ui" />
            <source>&amp;Server:</source>
            <translation>&amp;Сервер:</translation>
        </message>
        <message>
            <location filename="server_dialog.ui" />
            <source>de exemplu server-primarie sau 192.168.1.10</source>
            <translation>например, server-primarie или 192.168.1.10</translation>
        </message>
        <message>
            <location filename="server_dialog.ui" />
            <source>&amp;Port:</source>
            <translation>&amp;Порт:</translation>
        </message>
        <message>
            <location filename="server_dialog.ui" />
            <source>&amp;Baza de date:</source>
            <translation>&amp;База данных:</translation>
        </message>
        <message>
            <location filename="server_dialog.ui" />
            <source>&amp;Utilizator:</source>
            <translation>&amp;Имя пользователя:</translation>
        </message>
        <message>
            <location filename="server_dialog.ui" />
            <source>Ser&amp;viciu (opțional):</source>
            <translation>С&amp;лужба (необязательно):</translation>
        </message>
        <message>
            <location filename="server_dialog.ui" />
            <source>un nume din pg_service.conf, în locul câmpurilor de mai sus</source>
            <translation>имя из pg_service.conf вместо полей выше</translation>
        </message>
    </context>
    <context>
        <name>Session</name>
        <message>
            <location filename="session.py" />
            <source>Instalarea planului inclus</source>
            <translation>Установка встроенного плана</translation>
        </message>
        <message>
            <location filename="session.py" />
            <source>Fișierul rămăsese blocat de o sesiune închisă neașteptat ({who}); blocarea a fost preluată.</source>
            <translation>Файл оставался заблокированным неожиданно закрытым сеансом ({who}); блокировка перехвачена.</translation>
        </message>
    </context>
    <context>
        <name>SigningActions</name>
        <message>
            <location filename="signing_actions.py" />
            <source>Marchează ca &amp;semnat…</source>
            <translation>&amp;Отметить как подписанный…</translation>
        </message>
        <message>
            <location filename="signing_actions.py" />
            <source>Păstrează amprenta raportului final semnat și blochează datele perioadei</source>
            <translation>Сохраняет отпечаток подписанного окончательного отчёта и блокирует данные периода</translation>
        </message>
        <message>
            <location filename="signing_actions.py" />
            <source>Re&amp;trage semnătura perioadei…</source>
            <translation>О&amp;тозвать подпись периода…</translation>
        </message>
        <message>
            <location filename="signing_actions.py" />
            <source>&amp;Verifică un raport semnat…</source>
            <translation>П&amp;роверить подписанный отчёт…</translation>
        </message>
        <message>
            <location filename="signing_actions.py" />
            <source>&amp;Jurnalul modificărilor…</source>
            <translation>&amp;Журнал изменений…</translation>
        </message>
        <message>
            <location filename="signing_actions.py" />
            <source>&amp;Completitudinea returilor…</source>
            <translation>П&amp;олнота отчётов…</translation>
        </message>
        <message>
            <location filename="signing_actions.py" />
            <source>Cine a trimis și cine nu; lista restanțierilor</source>
            <translation>Кто прислал и кто нет; список должников</translation>
        </message>
        <message>
            <location filename="signing_actions.py" />
            <source>Comentarii de c&amp;larificat…</source>
            <translation>Комментарии для &amp;уточнения…</translation>
        </message>
        <message>
            <location filename="signing_actions.py" />
            <source>Toate c&amp;onstatările perioadei…</source>
            <translation>&amp;Все замечания периода…</translation>
        </message>
        <message>
            <location filename="signing_actions.py" />
            <source>Perioada {code} este {summary}</source>
            <translation>Период {code}: {summary}</translation>
        </message>
        <message>
            <location filename="signing_actions.py" />
            <source>Marchează ca semnat</source>
            <translation>Отметить как подписанный</translation>
        </message>
        <message>
            <location filename="signing_actions.py" />
            <source>Raportul final semnat al perioadei {code}</source>
            <translation>Подписанный окончательный отчёт периода {code}</translation>
        </message>
        <message>
            <location filename="signing_actions.py" />
            <source>Documente Word (*.docx)</source>
            <translation>Документы Word (*.docx)</translation>
        </message>
        <message>
            <location filename="signing_actions.py" />
            <source>Perioada {code} se marchează ca semnată cu raportul „{name}”.

De acum datele perioadei nu mai pot fi modificate (grilă, lipire, formulare, import JSON, responsabili, text) până la retragerea semnăturii, cu motiv. Continuați?</source>
            <translation>Период {code} отмечается как подписанный отчётом «{name}».

С этого момента данные периода нельзя изменить (таблица, вставка, формы, импорт JSON, ответственные, текст) до отзыва подписи с указанием причины. Продолжить?</translation>
        </message>
        <message>
            <location filename="signing_actions.py" />
            <source>Perioada {code} este {summary}.</source>
            <translation>Период {code}: {summary}.</translation>
        </message>
        <message>
            <location filename="signing_actions.py" />
            <source>Retragerea semnăturii</source>
            <translation>Отзыв подписи</translation>
        </message>
        <message>
            <location filename="signing_actions.py" />
            <source>De ce se retrage semnătura perioadei {code}? (motivul rămâne în jurnal)</source>
            <translation>Почему отзывается подпись периода {code}? (причина остаётся в журнале)</translation>
        </message>
        <message>
            <location filename="signing_actions.py" />
            <source>Semnătura perioadei {code} a fost retrasă; datele pot fi modificate.</source>
            <translation>Подпись периода {code} отозвана; данные можно изменять.</translation>
        </message>
        <message>
            <location filename="signing_actions.py" />
            <source>Verifică un raport</source>
            <translation>Проверить отчёт</translation>
        </message>
        <message>
            <location filename="signing_actions.py" />
            <source>Verificarea raportului</source>
            <translation>Проверка отчёта</translation>
        </message>
    </context>
    <context>
        <name>StatusDelegate</name>
        <message>
            <location filename="status_grid.py" />
            <source>(fără status)</source>
            <translation>(без статуса)</translation>
        </message>
    </context>
    <context>
        <name>StatusGridModel</name>
        <message>
            <location filename="status_grid.py" />
            <source>Nr.</source>
            <translation>№</translation>
        </message>
        <message>
            <location filename="status_grid.py" />
            <source>Acțiunea / subacțiunea</source>
            <translation>Мероприятие / подмероприятие</translation>
        </message>
        <message>
            <location filename="status_grid.py" />
            <source>Status</source>
            <translation>Статус</translation>
        </message>
        <message>
            <location filename="status_grid.py" />
            <source>Măsuri întreprinse</source>
            <translation>Принятые меры</translation>
        </message>
        <message>
            <location filename="status_grid.py" />
            <source>Legături</source>
            <translation>Ссылки</translation>
        </message>
        <message>
            <location filename="status_grid.py" />
            <source>„{status}” nu este un status al planului; se păstrează cum a fost scris.</source>
            <translation>«{status}» — не статус этого плана; сохраняется так, как записан.</translation>
        </message>
        <message>
            <location filename="status_grid.py" />
            <source>Enter sau dublu clic: editați legăturile</source>
            <translation>Enter или двойной щелчок: изменить ссылки</translation>
        </message>
    </context>
    <context>
        <name>StatusPage</name>
        <message>
            <location filename="status_page.py" />
            <source>&amp;Legături…</source>
            <translation>&amp;Ссылки…</translation>
        </message>
        <message>
            <location filename="status_page.py" />
            <source>Editați legăturile rândului selectat (Enter pe coloana „Legături”)</source>
            <translation>Изменить ссылки выбранной строки (Enter в столбце «Ссылки»)</translation>
        </message>
        <message>
            <location filename="status_page.py" />
            <source>Statusul se alege din listă (Enter); „Măsuri întreprinse” are mai multe rânduri (Tab salvează).</source>
            <translation>Статус выбирается из списка (Enter); «Принятые меры» — несколько строк (Tab сохраняет).</translation>
        </message>
        <message>
            <location filename="status_page.py" />
            <source>realizat</source>
            <translation>выполнено</translation>
        </message>
        <message>
            <location filename="status_page.py" />
            <source>în proces</source>
            <translation>в процессе</translation>
        </message>
        <message>
            <location filename="status_page.py" />
            <source>inițiat</source>
            <translation>начато</translation>
        </message>
        <message>
            <location filename="status_page.py" />
            <source>neinițiat / nerealizat</source>
            <translation>не начато / не выполнено</translation>
        </message>
        <message>
            <location filename="status_page.py" />
            <source>Nu există încă nicio perioadă de raportare: creați-o cu „Perioadă nouă…”.</source>
            <translation>Ещё нет ни одного отчётного периода: создайте его через «Новый период…».</translation>
        </message>
        <message>
            <location filename="status_page.py" />
            <source>Statusul se alege din listă (Enter); textul are mai multe rânduri (Tab salvează).</source>
            <translation>Статус выбирается из списка (Enter); текст — в несколько строк (Tab сохраняет).</translation>
        </message>
        <message>
            <location filename="status_page.py" />
            <source>Enter editează textul (mai multe rânduri; Tab salvează); legăturile: butonul „Legături…”.</source>
            <translation>Enter — изменить текст (несколько строк; Tab сохраняет); ссылки: кнопка «Ссылки…».</translation>
        </message>
        <message>
            <location filename="status_page.py" />
            <source>Progresul {code}</source>
            <translation>Ход выполнения {code}</translation>
        </message>
    </context>
    <context>
        <name>SubdivisionsDialog</name>
        <message>
            <location filename="subdivisions_dialog.py" />
            <source>inactivă</source>
            <translation>неактивно</translation>
        </message>
        <message>
            <location filename="subdivisions_dialog.py" />
            <source>Subdiviziunea este folosită în plan sau în informațiile prezentate.</source>
            <translation>Подразделение используется в плане или в представленных сведениях.</translation>
        </message>
        <message>
            <location filename="subdivisions_dialog.py" />
            <source>Subdiviziunea nu este folosită încă.</source>
            <translation>Подразделение пока не используется.</translation>
        </message>
        <message>
            <location filename="subdivisions_dialog.py" />
            <source>Subdiviziune nouă</source>
            <translation>Новое подразделение</translation>
        </message>
        <message>
            <location filename="subdivisions_dialog.py" />
            <source>Subdiviziunea {name}</source>
            <translation>Подразделение {name}</translation>
        </message>
        <message>
            <location filename="subdivisions_dialog.ui" />
            <source>Subdiviziunile primăriei</source>
            <translation>Подразделения примэрии</translation>
        </message>
        <message>
            <location filename="subdivisions_dialog.ui" />
            <source>Subdiviziune &amp;nouă</source>
            <translation>Н&amp;овое подразделение</translation>
        </message>
        <message>
            <location filename="subdivisions_dialog.ui" />
            <source>&amp;Denumirea:</source>
            <translation>&amp;Название:</translation>
        </message>
        <message>
            <location filename="subdivisions_dialog.ui" />
            <source>A&amp;brevierea:</source>
            <translation>&amp;Сокращение:</translation>
        </message>
        <message>
            <location filename="subdivisions_dialog.ui" />
            <source>Alte denu&amp;miri
(câte una pe rând):</source>
            <translation>Другие на&amp;звания
(по одному на строку):</translation>
        </message>
        <message>
            <location filename="subdivisions_dialog.ui" />
            <source>Cum apare numele în informațiile primite, de ex. „Direcției resurse umane”</source>
            <translation>Как имя пишется в полученных сведениях, напр. «Direcției resurse umane»</translation>
        </message>
        <message>
            <location filename="subdivisions_dialog.ui" />
            <source>Subdiviziune &amp;activă</source>
            <translation>&amp;Активное подразделение</translation>
        </message>
        <message>
            <location filename="subdivisions_dialog.ui" />
            <source>&amp;Salvează subdiviziunea</source>
            <translation>Со&amp;хранить подразделение</translation>
        </message>
    </context>
    <context>
        <name>TermsDialog</name>
        <message>
            <location filename="terms_dialog.py" />
            <source>Termenele acțiunilor</source>
            <translation>Сроки мероприятий</translation>
        </message>
        <message>
            <location filename="terms_dialog.py" />
            <source>Textul termenului rămâne cel din plan; alături, ce s-a citit din el. Termenele care nu au putut fi citite (evidențiate) se stabilesc manual: alegeți rândul, tipul și, pentru „la o dată”, data.</source>
            <translation>Текст срока остаётся как в плане; рядом — что из него прочитано. Сроки, которые не удалось прочитать (выделены), устанавливаются вручную: выберите строку, тип и, для «к дате», дату.</translation>
        </message>
        <message>
            <location filename="terms_dialog.py" />
            <source>Doar termenele de stabilit manual</source>
            <translation>Только сроки, устанавливаемые вручную</translation>
        </message>
        <message>
            <location filename="terms_dialog.py" />
            <source>Acțiunea</source>
            <translation>Мероприятие</translation>
        </message>
        <message>
            <location filename="terms_dialog.py" />
            <source>Termenul în plan</source>
            <translation>Срок в плане</translation>
        </message>
        <message>
            <location filename="terms_dialog.py" />
            <source>Scadența</source>
            <translation>Наступление срока</translation>
        </message>
        <message>
            <location filename="terms_dialog.py" />
            <source>31.12.2024</source>
            <translation>31.12.2024</translation>
        </message>
        <message>
            <location filename="terms_dialog.py" />
            <source>&amp;Stabilește</source>
            <translation>&amp;Установить</translation>
        </message>
        <message>
            <location filename="terms_dialog.py" />
            <source>&amp;Citește din textul planului</source>
            <translation>&amp;Прочитать из текста плана</translation>
        </message>
        <message>
            <location filename="terms_dialog.py" />
            <source>Tipul:</source>
            <translation>Тип:</translation>
        </message>
        <message>
            <location filename="terms_dialog.py" />
            <source>Data:</source>
            <translation>Дата:</translation>
        </message>
        <message>
            <location filename="terms_dialog.py" />
            <source>necitit – de stabilit manual</source>
            <translation>не прочитан – установить вручную</translation>
        </message>
        <message>
            <location filename="terms_dialog.py" />
            <source> (stabilit manual)</source>
            <translation> (установлен вручную)</translation>
        </message>
        <message>
            <location filename="terms_dialog.py" />
            <source>(gol în plan)</source>
            <translation>(пусто в плане)</translation>
        </message>
        <message numerus="yes">
            <location filename="terms_dialog.py" />
            <source>%n termene de stabilit manual.</source>
            <translation>
                <numerusform>%n срок нужно установить вручную.</numerusform>
                <numerusform>%n срока нужно установить вручную.</numerusform>
                <numerusform>%n сроков нужно установить вручную.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="terms_dialog.py" />
            <source>Toate termenele sunt citite sau stabilite.</source>
            <translation>Все сроки прочитаны или установлены.</translation>
        </message>
        <message>
            <location filename="terms_dialog.py" />
            <source>Alegeți mai întâi o acțiune din listă.</source>
            <translation>Сначала выберите мероприятие в списке.</translation>
        </message>
    </context>
    <context>
        <name>TextConflictDialog</name>
        <message>
            <location filename="conflict_dialog.py" />
            <source>&lt;b&gt;Salvat între timp de altcineva&lt;/b&gt;</source>
            <translation>&lt;b&gt;Тем временем сохранено другим&lt;/b&gt;</translation>
        </message>
        <message>
            <location filename="conflict_dialog.py" />
            <source>&lt;b&gt;Textul dumneavoastră&lt;/b&gt;</source>
            <translation>&lt;b&gt;Ваш текст&lt;/b&gt;</translation>
        </message>
        <message>
            <location filename="conflict_dialog.py" />
            <source>(gol)</source>
            <translation>(пусто)</translation>
        </message>
        <message>
            <location filename="conflict_dialog.py" />
            <source>&amp;Păstrez textul meu</source>
            <translation>&amp;Оставить мой текст</translation>
        </message>
        <message>
            <location filename="conflict_dialog.py" />
            <source>&amp;Iau textul salvat</source>
            <translation>&amp;Взять сохранённый текст</translation>
        </message>
    </context>
    <context>
        <name>TimeActions</name>
        <message>
            <location filename="time_actions.py" />
            <source>Perioadă &amp;anuală (raportul anului)…</source>
            <translation>&amp;Годовой период (отчёт за год)…</translation>
        </message>
        <message>
            <location filename="time_actions.py" />
            <source>Creează perioada anuală a anului afișat: valorile se calculează din cele două semestre</source>
            <translation>Создать годовой период показанного года: значения вычисляются по двум полугодиям</translation>
        </message>
        <message>
            <location filename="time_actions.py" />
            <source>&amp;Reguli anuale ale indicatorilor…</source>
            <translation>Годовые &amp;правила индикаторов…</translation>
        </message>
        <message>
            <location filename="time_actions.py" />
            <source>Cum rezultă valoarea anului din semestre, pentru acțiunea afișată</source>
            <translation>Как значение за год получается из полугодий, для показанного мероприятия</translation>
        </message>
        <message>
            <location filename="time_actions.py" />
            <source>&amp;Termenele acțiunilor…</source>
            <translation>&amp;Сроки мероприятий…</translation>
        </message>
        <message>
            <location filename="time_actions.py" />
            <source>Când devine scadentă fiecare acțiune; termenele care nu au putut fi citite se stabilesc aici</source>
            <translation>Когда наступает срок каждого мероприятия; сроки, которые не удалось прочитать, устанавливаются здесь</translation>
        </message>
        <message>
            <location filename="time_actions.py" />
            <source>Acțiunile &amp;scadente ale perioadei…</source>
            <translation>Мероприятия периода с &amp;наступившим сроком…</translation>
        </message>
        <message>
            <location filename="time_actions.py" />
            <source>Ten&amp;dința acțiunii…</source>
            <translation>&amp;Динамика мероприятия…</translation>
        </message>
        <message>
            <location filename="time_actions.py" />
            <source>Totalul fiecărui indicator al acțiunii afișate în toate perioadele</source>
            <translation>Итог каждого индикатора показанного мероприятия во всех периодах</translation>
        </message>
        <message>
            <location filename="time_actions.py" />
            <source>Planul pe &amp;perioade (grafice)…</source>
            <translation>П&amp;лан по периодам (графики)…</translation>
        </message>
        <message>
            <location filename="time_actions.py" />
            <source>A&amp;ni și termene</source>
            <translation>&amp;Годы и сроки</translation>
        </message>
        <message>
            <location filename="time_actions.py" />
            <source>&amp;Istoric pe perioade</source>
            <translation>&amp;История по периодам</translation>
        </message>
        <message>
            <location filename="time_actions.py" />
            <source>Perioadă anuală</source>
            <translation>Годовой период</translation>
        </message>
        <message>
            <location filename="time_actions.py" />
            <source>Creați perioada {label}? Valorile ei se calculează din semestrele anului; o cifră anuală scrisă în grilă o înlocuiește pe cea calculată.</source>
            <translation>Создать период {label}? Его значения вычисляются по полугодиям года; годовая цифра, вписанная в таблицу, заменяет вычисленную.</translation>
        </message>
        <message>
            <location filename="time_actions.py" />
            <source>Perioada {code}</source>
            <translation>Период {code}</translation>
        </message>
        <message>
            <location filename="time_actions.py" />
            <source>Eroare.</source>
            <translation>Ошибка.</translation>
        </message>
        <message>
            <location filename="time_actions.py" />
            <source>Termenul acțiunii {code}</source>
            <translation>Срок мероприятия {code}</translation>
        </message>
        <message>
            <location filename="time_actions.py" />
            <source>Nerealizate, termen depășit: {codes}</source>
            <translation>Не выполнены, срок истёк: {codes}</translation>
        </message>
        <message>
            <location filename="time_actions.py" />
            <source>Acțiunile scadente</source>
            <translation>Мероприятия с наступившим сроком</translation>
        </message>
        <message>
            <location filename="time_actions.py" />
            <source>Reguli anuale</source>
            <translation>Годовые правила</translation>
        </message>
        <message>
            <location filename="time_actions.py" />
            <source>Acțiunea nu are indicatori.</source>
            <translation>У мероприятия нет индикаторов.</translation>
        </message>
        <message>
            <location filename="time_actions.py" />
            <source>Reguli anuale – acțiunea {code}</source>
            <translation>Годовые правила – мероприятие {code}</translation>
        </message>
    </context>
    <context>
        <name>TrendDialog</name>
        <message>
            <location filename="charts_dialog.py" />
            <source>pe semestre</source>
            <translation>по полугодиям</translation>
        </message>
        <message>
            <location filename="charts_dialog.py" />
            <source>pe ani</source>
            <translation>по годам</translation>
        </message>
        <message>
            <location filename="charts_dialog.py" />
            <source>Perioadele:</source>
            <translation>Периоды:</translation>
        </message>
        <message>
            <location filename="charts_dialog.py" />
            <source>Graficul:</source>
            <translation>График:</translation>
        </message>
        <message>
            <location filename="charts_dialog.py" />
            <source>Tendința acțiunii {code}</source>
            <translation>Динамика мероприятия {code}</translation>
        </message>
        <message>
            <location filename="charts_dialog.py" />
            <source>Indicator {n}</source>
            <translation>Индикатор {n}</translation>
        </message>
        <message>
            <location filename="charts_dialog.py" />
            <source>totalul fiecărui indicator</source>
            <translation>итог каждого индикатора</translation>
        </message>
        <message>
            <location filename="charts_dialog.py" />
            <source>indicatorul {n} pe subdiviziuni</source>
            <translation>индикатор {n} по подразделениям</translation>
        </message>
    </context>
    <context>
        <name>Undo</name>
        <message>
            <location filename="undo.py" />
            <source>Anularea „{step}”</source>
            <translation>Отмена «{step}»</translation>
        </message>
        <message>
            <location filename="undo.py" />
            <source>Salvarea „{step}”</source>
            <translation>Сохранение «{step}»</translation>
        </message>
    </context>
</TS>
