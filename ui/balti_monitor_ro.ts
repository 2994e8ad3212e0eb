<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ro_RO" sourcelanguage="ro_RO">
    <context>
        <name>ChangeLogDialog</name>
        <message numerus="yes">
            <location filename="change_log.py" />
            <source>{shown} din %n modificări (cele mai noi sus).</source>
            <translation>
                <numerusform>{shown} din %n modificare (cele mai noi sus).</numerusform>
                <numerusform>{shown} din %n modificări (cele mai noi sus).</numerusform>
                <numerusform>{shown} din %n de modificări (cele mai noi sus).</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Conflict</name>
        <message numerus="yes">
            <location filename="conflict_dialog.py" />
            <source>&lt;p&gt;… și încă %n celule.&lt;/p&gt;</source>
            <translation>
                <numerusform>&lt;p&gt;… și încă %n celulă.&lt;/p&gt;</numerusform>
                <numerusform>&lt;p&gt;… și încă %n celule.&lt;/p&gt;</numerusform>
                <numerusform>&lt;p&gt;… și încă %n de celule.&lt;/p&gt;</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ExportActions</name>
        <message numerus="yes">
            <location filename="export_actions.py" />
            <source>Atenție: perioada are %n constatări ale verificărilor nerezolvate.</source>
            <translation>
                <numerusform>Atenție: perioada are %n constatare a verificărilor nerezolvată.</numerusform>
                <numerusform>Atenție: perioada are %n constatări ale verificărilor nerezolvate.</numerusform>
                <numerusform>Atenție: perioada are %n de constatări ale verificărilor nerezolvate.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>FindingsPage</name>
        <message numerus="yes">
            <location filename="findings_page.py" />
            <source>%n constatări deschise</source>
            <translation>
                <numerusform>%n constatare deschisă</numerusform>
                <numerusform>%n constatări deschise</numerusform>
                <numerusform>%n de constatări deschise</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="findings_page.py" />
            <source>%n confirmate</source>
            <translation>
                <numerusform>%n confirmată</numerusform>
                <numerusform>%n confirmate</numerusform>
                <numerusform>%n de confirmate</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>FollowupsDialog</name>
        <message numerus="yes">
            <location filename="followups_dialog.py" />
            <source>Perioada {code}: %n comentarii de clarificat.</source>
            <translation>
                <numerusform>Perioada {code}: %n comentariu de clarificat.</numerusform>
                <numerusform>Perioada {code}: %n comentarii de clarificat.</numerusform>
                <numerusform>Perioada {code}: %n de comentarii de clarificat.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>FormsActions</name>
        <message numerus="yes">
            <location filename="forms_actions.py" />
            <source>În dosarul „{folder}” există deja %n formulare ale perioadei {code}. Le înlocuiți cu formulare noi? (Formularele vechi completate de subdiviziuni se pot importa în continuare.)</source>
            <translation>
                <numerusform>În dosarul „{folder}” există deja %n formular al perioadei {code}. Îl înlocuiți cu un formular nou? (Formularele vechi completate de subdiviziuni se pot importa în continuare.)</numerusform>
                <numerusform>În dosarul „{folder}” există deja %n formulare ale perioadei {code}. Le înlocuiți cu formulare noi? (Formularele vechi completate de subdiviziuni se pot importa în continuare.)</numerusform>
                <numerusform>În dosarul „{folder}” există deja %n de formulare ale perioadei {code}. Le înlocuiți cu formulare noi? (Formularele vechi completate de subdiviziuni se pot importa în continuare.)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="forms_actions.py" />
            <source>%n formulare</source>
            <translation>
                <numerusform>%n formular</numerusform>
                <numerusform>%n formulare</numerusform>
                <numerusform>%n de formulare</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="forms_actions.py" />
            <source>%n celule scrise</source>
            <translation>
                <numerusform>%n celulă scrisă</numerusform>
                <numerusform>%n celule scrise</numerusform>
                <numerusform>%n de celule scrise</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="forms_actions.py" />
            <source>din %n formulare</source>
            <translation>
                <numerusform>din %n formular</numerusform>
                <numerusform>din %n formulare</numerusform>
                <numerusform>din %n de formulare</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>FormsPreview</name>
        <message numerus="yes">
            <location filename="forms_preview_dialog.py" />
            <source>%n rânduri noi</source>
            <translation>
                <numerusform>%n rând nou</numerusform>
                <numerusform>%n rânduri noi</numerusform>
                <numerusform>%n de rânduri noi</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="forms_preview_dialog.py" />
            <source>%n rânduri modificate</source>
            <translation>
                <numerusform>%n rând modificat</numerusform>
                <numerusform>%n rânduri modificate</numerusform>
                <numerusform>%n de rânduri modificate</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="forms_preview_dialog.py" />
            <source>%n rânduri șterse</source>
            <translation>
                <numerusform>%n rând șters</numerusform>
                <numerusform>%n rânduri șterse</numerusform>
                <numerusform>%n de rânduri șterse</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="forms_preview_dialog.py" />
            <source>%n conflicte</source>
            <translation>
                <numerusform>%n conflict</numerusform>
                <numerusform>%n conflicte</numerusform>
                <numerusform>%n de conflicte</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="forms_preview_dialog.py" />
            <source>%n rânduri neschimbate</source>
            <translation>
                <numerusform>%n rând neschimbat</numerusform>
                <numerusform>%n rânduri neschimbate</numerusform>
                <numerusform>%n de rânduri neschimbate</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="forms_preview_dialog.py" />
            <source>%n rânduri păstrate din aplicație</source>
            <translation>
                <numerusform>%n rând păstrat din aplicație</numerusform>
                <numerusform>%n rânduri păstrate din aplicație</numerusform>
                <numerusform>%n de rânduri păstrate din aplicație</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>FormsPreviewDialog</name>
        <message numerus="yes">
            <location filename="forms_preview_dialog.py" />
            <source>%n conflicte</source>
            <translation>
                <numerusform>%n conflict</numerusform>
                <numerusform>%n conflicte</numerusform>
                <numerusform>%n de conflicte</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="forms_preview_dialog.py" />
            <source>&lt;b&gt;Niciun formular nu poate fi importat&lt;/b&gt; (%n refuzate); motivele sunt în fila „Fișiere”. Nu se modifică nimic.</source>
            <translation>
                <numerusform>&lt;b&gt;Niciun formular nu poate fi importat&lt;/b&gt; (%n refuzat); motivele sunt în fila „Fișiere”. Nu se modifică nimic.</numerusform>
                <numerusform>&lt;b&gt;Niciun formular nu poate fi importat&lt;/b&gt; (%n refuzate); motivele sunt în fila „Fișiere”. Nu se modifică nimic.</numerusform>
                <numerusform>&lt;b&gt;Niciun formular nu poate fi importat&lt;/b&gt; (%n de refuzate); motivele sunt în fila „Fișiere”. Nu se modifică nimic.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>FormsStatusDialog</name>
        <message numerus="yes">
            <location filename="forms_status_dialog.py" />
            <source>&lt;b&gt;Perioada {code}&lt;/b&gt; · %n subdiviziuni · {parts}</source>
            <translation>
                <numerusform>&lt;b&gt;Perioada {code}&lt;/b&gt; · %n subdiviziune · {parts}</numerusform>
                <numerusform>&lt;b&gt;Perioada {code}&lt;/b&gt; · %n subdiviziuni · {parts}</numerusform>
                <numerusform>&lt;b&gt;Perioada {code}&lt;/b&gt; · %n de subdiviziuni · {parts}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="forms_status_dialog.py" />
            <source>%n subdiviziuni</source>
            <translation>
                <numerusform>%n subdiviziune</numerusform>
                <numerusform>%n subdiviziuni</numerusform>
                <numerusform>%n de subdiviziuni</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>GridModel</name>
        <message numerus="yes">
            <location filename="grid_cells.py" />
            <source>Calculat automat din %n valori.</source>
            <translation>
                <numerusform>Calculat automat din %n valoare.</numerusform>
                <numerusform>Calculat automat din %n valori.</numerusform>
                <numerusform>Calculat automat din %n de valori.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="grid_model.py" />
            <source>Valoarea are %n caractere: valorile sunt scurte; textul lung merge în descriere.

O păstrați totuși așa?</source>
            <translation>
                <numerusform>Valoarea are %n caracter: valorile sunt scurte; textul lung merge în descriere.

O păstrați totuși așa?</numerusform>
                <numerusform>Valoarea are %n caractere: valorile sunt scurte; textul lung merge în descriere.

O păstrați totuși așa?</numerusform>
                <numerusform>Valoarea are %n de caractere: valorile sunt scurte; textul lung merge în descriere.

O păstrați totuși așa?</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="grid_model.py" />
            <source>%n valori au peste {limit} de caractere.</source>
            <translation>
                <numerusform>%n valoare are peste {limit} de caractere.</numerusform>
                <numerusform>%n valori au peste {limit} de caractere.</numerusform>
                <numerusform>%n de valori au peste {limit} de caractere.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>GridView</name>
        <message numerus="yes">
            <location filename="grid_view.py" />
            <source>Copiat: %n celule.</source>
            <translation>
                <numerusform>Copiat: %n celulă.</numerusform>
                <numerusform>Copiat: %n celule.</numerusform>
                <numerusform>Copiat: %n de celule.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="grid_view.py" />
            <source>%n valori cad pe celule hașurate (subdiviziunea nu răspunde de acel indicator) și au fost sărite.</source>
            <translation>
                <numerusform>%n valoare cade pe o celulă hașurată (subdiviziunea nu răspunde de acel indicator) și a fost sărită.</numerusform>
                <numerusform>%n valori cad pe celule hașurate (subdiviziunea nu răspunde de acel indicator) și au fost sărite.</numerusform>
                <numerusform>%n de valori cad pe celule hașurate (subdiviziunea nu răspunde de acel indicator) și au fost sărite.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="grid_view.py" />
            <source>Lipire în {code} (%n celule)</source>
            <translation>
                <numerusform>Lipire în {code} (%n celulă)</numerusform>
                <numerusform>Lipire în {code} (%n celule)</numerusform>
                <numerusform>Lipire în {code} (%n de celule)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="grid_view.py" />
            <source>Lipite %n celule.</source>
            <translation>
                <numerusform>Lipită %n celulă.</numerusform>
                <numerusform>Lipite %n celule.</numerusform>
                <numerusform>Lipite %n de celule.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="grid_view.py" />
            <source>%n valori nu au încăput sau cad pe rândul Total și au fost ignorate.</source>
            <translation>
                <numerusform>%n valoare nu a încăput sau cade pe rândul Total și a fost ignorată.</numerusform>
                <numerusform>%n valori nu au încăput sau cad pe rândul Total și au fost ignorate.</numerusform>
                <numerusform>%n de valori nu au încăput sau cad pe rândul Total și au fost ignorate.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="grid_view.py" />
            <source>Ștergere în {code} (%n celule)</source>
            <translation>
                <numerusform>Ștergere în {code} (%n celulă)</numerusform>
                <numerusform>Ștergere în {code} (%n celule)</numerusform>
                <numerusform>Ștergere în {code} (%n de celule)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Marks</name>
        <message numerus="yes">
            <location filename="marks.py" />
            <source>!: %n constatări ale verificărilor.</source>
            <translation>
                <numerusform>!: %n constatare a verificărilor.</numerusform>
                <numerusform>!: %n constatări ale verificărilor.</numerusform>
                <numerusform>!: %n de constatări ale verificărilor.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PlanEditor</name>
        <message numerus="yes">
            <location filename="plan_editor.py" />
            <source>%n valori</source>
            <translation>
                <numerusform>%n valoare</numerusform>
                <numerusform>%n valori</numerusform>
                <numerusform>%n de valori</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PlanImportWizard</name>
        <message numerus="yes">
            <location filename="plan_import_wizard.py" />
            <source>%n rânduri</source>
            <translation>
                <numerusform>%n rând</numerusform>
                <numerusform>%n rânduri</numerusform>
                <numerusform>%n de rânduri</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="plan_import_wizard.py" />
            <source>%n coloane</source>
            <translation>
                <numerusform>%n coloană</numerusform>
                <numerusform>%n coloane</numerusform>
                <numerusform>%n de coloane</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="plan_import_wizard.py" />
            <source>{code} {title} — %n indicatori; responsabili: {who}; numărul din: {src}</source>
            <translation>
                <numerusform>{code} {title} — %n indicator; responsabili: {who}; numărul din: {src}</numerusform>
                <numerusform>{code} {title} — %n indicatori; responsabili: {who}; numărul din: {src}</numerusform>
                <numerusform>{code} {title} — %n de indicatori; responsabili: {who}; numărul din: {src}</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ReportImportActions</name>
        <message numerus="yes">
            <location filename="report_import_actions.py" />
            <source>Raportul „{name}” a fost importat în perioada {period}: %n returi.</source>
            <translation>
                <numerusform>Raportul „{name}” a fost importat în perioada {period}: %n retur.</numerusform>
                <numerusform>Raportul „{name}” a fost importat în perioada {period}: %n returi.</numerusform>
                <numerusform>Raportul „{name}” a fost importat în perioada {period}: %n de returi.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="report_import_actions.py" />
            <source>Planul „{title}” a fost importat: %n acțiuni.</source>
            <translation>
                <numerusform>Planul „{title}” a fost importat: %n acțiune.</numerusform>
                <numerusform>Planul „{title}” a fost importat: %n acțiuni.</numerusform>
                <numerusform>Planul „{title}” a fost importat: %n de acțiuni.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ReportImportDialog</name>
        <message numerus="yes">
            <location filename="report_import_dialog.py" />
            <source>&lt;span style='color:#8a1c00'&gt;Perioada are deja date: %n diferențe — câmpuri înlocuite și returi noi (fila „Diferențe”). Returul fiecărei subdiviziuni din raport înlocuiește returul ei pentru aceeași acțiune; celelalte returi rămân.&lt;/span&gt;</source>
            <translation>
                <numerusform>&lt;span style='color:#8a1c00'&gt;Perioada are deja date: %n diferență — câmpuri înlocuite și returi noi (fila „Diferențe”). Returul fiecărei subdiviziuni din raport înlocuiește returul ei pentru aceeași acțiune; celelalte returi rămân.&lt;/span&gt;</numerusform>
                <numerusform>&lt;span style='color:#8a1c00'&gt;Perioada are deja date: %n diferențe — câmpuri înlocuite și returi noi (fila „Diferențe”). Returul fiecărei subdiviziuni din raport înlocuiește returul ei pentru aceeași acțiune; celelalte returi rămân.&lt;/span&gt;</numerusform>
                <numerusform>&lt;span style='color:#8a1c00'&gt;Perioada are deja date: %n de diferențe — câmpuri înlocuite și returi noi (fila „Diferențe”). Returul fiecărei subdiviziuni din raport înlocuiește returul ei pentru aceeași acțiune; celelalte returi rămân.&lt;/span&gt;</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SearchDialog</name>
        <message numerus="yes">
            <location filename="search_dialog.py" />
            <source>Primele %n rezultate (cele mai potrivite); adăugați cuvinte pentru mai puține.</source>
            <translation>
                <numerusform>Primul %n rezultat (cel mai potrivit); adăugați cuvinte pentru mai puține.</numerusform>
                <numerusform>Primele %n rezultate (cele mai potrivite); adăugați cuvinte pentru mai puține.</numerusform>
                <numerusform>Primele %n de rezultate (cele mai potrivite); adăugați cuvinte pentru mai puține.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="search_dialog.py" />
            <source>%n rezultate. Enter sau dublu-clic arată celula.</source>
            <translation>
                <numerusform>%n rezultat. Enter sau dublu-clic arată celula.</numerusform>
                <numerusform>%n rezultate. Enter sau dublu-clic arată celula.</numerusform>
                <numerusform>%n de rezultate. Enter sau dublu-clic arată celula.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TermsDialog</name>
        <message numerus="yes">
            <location filename="terms_dialog.py" />
            <source>%n termene de stabilit manual.</source>
            <translation>
                <numerusform>%n termen de stabilit manual.</numerusform>
                <numerusform>%n termene de stabilit manual.</numerusform>
                <numerusform>%n de termene de stabilit manual.</numerusform>
            </translation>
        </message>
    </context>
</TS>
