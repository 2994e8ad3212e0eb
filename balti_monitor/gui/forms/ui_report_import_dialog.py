"""Generated from ``ui/report_import_dialog.ui`` by ``tools/compile_ui.py`` (pyside6-uic): do not edit, edit the .ui file."""

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
    QDialogButtonBox, QHeaderView, QLabel, QListWidget,
    QListWidgetItem, QSizePolicy, QTabWidget, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_ReportImportDialog:
    def setupUi(self, ReportImportDialog: QDialog) -> None:
        if not ReportImportDialog.objectName():
            ReportImportDialog.setObjectName(u"ReportImportDialog")
        ReportImportDialog.resize(1100, 640)
        self.mainLayout = QVBoxLayout(ReportImportDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.summaryLabel = QLabel(ReportImportDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setText(u"")
        self.summaryLabel.setWordWrap(True)
        self.summaryLabel.setTextFormat(Qt.TextFormat.RichText)
        self.summaryLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.summaryLabel)

        self.tabs = QTabWidget(ReportImportDialog)
        self.tabs.setObjectName(u"tabs")
        self.rowsTab = QWidget()
        self.rowsTab.setObjectName(u"rowsTab")
        self.rowsLayout = QVBoxLayout(self.rowsTab)
        self.rowsLayout.setObjectName(u"rowsLayout")
        self.rowsLayout.setContentsMargins(11, 11, 11, 11)
        self.rowsTable = QTableWidget(self.rowsTab)
        self.rowsTable.setObjectName(u"rowsTable")
        self.rowsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rowsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rowsTable.setAlternatingRowColors(True)
        self.rowsTable.setWordWrap(False)

        self.rowsLayout.addWidget(self.rowsTable)

        self.tabs.addTab(self.rowsTab, "")
        self.tabs.setTabText(self.tabs.indexOf(self.rowsTab), u"R\u00e2nduri")
        self.unplacedTab = QWidget()
        self.unplacedTab.setObjectName(u"unplacedTab")
        self.unplacedLayout = QVBoxLayout(self.unplacedTab)
        self.unplacedLayout.setObjectName(u"unplacedLayout")
        self.unplacedLayout.setContentsMargins(11, 11, 11, 11)
        self.unplacedTable = QTableWidget(self.unplacedTab)
        self.unplacedTable.setObjectName(u"unplacedTable")
        self.unplacedTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.unplacedTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.unplacedTable.setAlternatingRowColors(True)
        self.unplacedTable.setWordWrap(False)

        self.unplacedLayout.addWidget(self.unplacedTable)

        self.tabs.addTab(self.unplacedTab, "")
        self.tabs.setTabText(self.tabs.indexOf(self.unplacedTab), u"Neplasate")
        self.differencesTab = QWidget()
        self.differencesTab.setObjectName(u"differencesTab")
        self.differencesLayout = QVBoxLayout(self.differencesTab)
        self.differencesLayout.setObjectName(u"differencesLayout")
        self.differencesLayout.setContentsMargins(11, 11, 11, 11)
        self.differencesTable = QTableWidget(self.differencesTab)
        self.differencesTable.setObjectName(u"differencesTable")
        self.differencesTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.differencesTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.differencesTable.setAlternatingRowColors(True)
        self.differencesTable.setWordWrap(False)

        self.differencesLayout.addWidget(self.differencesTable)

        self.tabs.addTab(self.differencesTab, "")
        self.tabs.setTabText(self.tabs.indexOf(self.differencesTab), u"Diferen\u021be")
        self.notesTab = QWidget()
        self.notesTab.setObjectName(u"notesTab")
        self.notesLayout = QVBoxLayout(self.notesTab)
        self.notesLayout.setObjectName(u"notesLayout")
        self.notesLayout.setContentsMargins(11, 11, 11, 11)
        self.notesList = QListWidget(self.notesTab)
        self.notesList.setObjectName(u"notesList")
        self.notesList.setWordWrap(True)
        self.notesList.setAlternatingRowColors(True)

        self.notesLayout.addWidget(self.notesList)

        self.tabs.addTab(self.notesTab, "")
        self.tabs.setTabText(self.tabs.indexOf(self.notesTab), u"Observa\u021bii")

        self.mainLayout.addWidget(self.tabs)

        self.noteLabel = QLabel(ReportImportDialog)
        self.noteLabel.setObjectName(u"noteLabel")
        self.noteLabel.setWordWrap(True)
        self.noteLabel.setStyleSheet(u"color: #555;")

        self.mainLayout.addWidget(self.noteLabel)

        self.buttonBox = QDialogButtonBox(ReportImportDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel)

        self.mainLayout.addWidget(self.buttonBox)


        self.retranslateUi(ReportImportDialog)

        QMetaObject.connectSlotsByName(ReportImportDialog)
    # setupUi

    def retranslateUi(self, ReportImportDialog: QDialog) -> None:
        ReportImportDialog.setWindowTitle(QCoreApplication.translate("ReportImportDialog", u"Importul unui raport semestrial", None))
        self.noteLabel.setText(QCoreApplication.translate("ReportImportDialog", u"\u201eImport\u0103\u201d scrie totul \u00eentr-un singur pas, dup\u0103 o copie automat\u0103 a fi\u0219ierului (Fi\u0219ier \u2192 Copii automate); importul nu se anuleaz\u0103 cu Ctrl+Z. Totalurile scrise \u00een raport se p\u0103streaz\u0103 ca referin\u021b\u0103 (\u201ea\u0219a cum apar \u00een raportul surs\u0103\u201d), nu ca totaluri introduse manual.", None))
    # retranslateUi

