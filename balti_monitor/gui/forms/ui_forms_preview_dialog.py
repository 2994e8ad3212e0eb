"""Generated from ``ui/forms_preview_dialog.ui`` by ``tools/compile_ui.py`` (pyside6-uic): do not edit, edit the .ui file."""

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QCheckBox,
    QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView,
    QLabel, QListWidget, QListWidgetItem, QPushButton,
    QSizePolicy, QSpacerItem, QTabWidget, QTableView,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_FormsPreviewDialog:
    def setupUi(self, FormsPreviewDialog: QDialog) -> None:
        if not FormsPreviewDialog.objectName():
            FormsPreviewDialog.setObjectName(u"FormsPreviewDialog")
        FormsPreviewDialog.resize(1100, 640)
        self.mainLayout = QVBoxLayout(FormsPreviewDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.summaryLabel = QLabel(FormsPreviewDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setText(u"")
        self.summaryLabel.setWordWrap(True)
        self.summaryLabel.setTextFormat(Qt.TextFormat.RichText)

        self.mainLayout.addWidget(self.summaryLabel)

        self.tabs = QTabWidget(FormsPreviewDialog)
        self.tabs.setObjectName(u"tabs")
        self.changesTab = QWidget()
        self.changesTab.setObjectName(u"changesTab")
        self.changesLayout = QVBoxLayout(self.changesTab)
        self.changesLayout.setObjectName(u"changesLayout")
        self.changesLayout.setContentsMargins(11, 11, 11, 11)
        self.conflictLabel = QLabel(self.changesTab)
        self.conflictLabel.setObjectName(u"conflictLabel")
        self.conflictLabel.setText(u"")
        self.conflictLabel.setWordWrap(True)
        self.conflictLabel.setTextFormat(Qt.TextFormat.RichText)

        self.changesLayout.addWidget(self.conflictLabel)

        self.changesView = QTableView(self.changesTab)
        self.changesView.setObjectName(u"changesView")
        self.changesView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.changesView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.changesView.setAlternatingRowColors(True)
        self.changesView.setWordWrap(False)

        self.changesLayout.addWidget(self.changesView)

        self.filterLayout = QHBoxLayout()
        self.filterLayout.setObjectName(u"filterLayout")
        self.showAllCheck = QCheckBox(self.changesTab)
        self.showAllCheck.setObjectName(u"showAllCheck")

        self.filterLayout.addWidget(self.showAllCheck)

        self.filterSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.filterLayout.addItem(self.filterSpacer)

        self.acceptAllButton = QPushButton(self.changesTab)
        self.acceptAllButton.setObjectName(u"acceptAllButton")

        self.filterLayout.addWidget(self.acceptAllButton)


        self.changesLayout.addLayout(self.filterLayout)

        self.tabs.addTab(self.changesTab, "")
        self.tabs.setTabText(self.tabs.indexOf(self.changesTab), u"Modific\u0103ri")
        self.filesTab = QWidget()
        self.filesTab.setObjectName(u"filesTab")
        self.filesLayout = QVBoxLayout(self.filesTab)
        self.filesLayout.setObjectName(u"filesLayout")
        self.filesLayout.setContentsMargins(11, 11, 11, 11)
        self.filesTable = QTableWidget(self.filesTab)
        self.filesTable.setObjectName(u"filesTable")
        self.filesTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.filesTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.filesTable.setAlternatingRowColors(True)
        self.filesTable.setWordWrap(True)

        self.filesLayout.addWidget(self.filesTable)

        self.tabs.addTab(self.filesTab, "")
        self.tabs.setTabText(self.tabs.indexOf(self.filesTab), u"Fi\u0219iere")
        self.findingsTab = QWidget()
        self.findingsTab.setObjectName(u"findingsTab")
        self.findingsLayout = QVBoxLayout(self.findingsTab)
        self.findingsLayout.setObjectName(u"findingsLayout")
        self.findingsLayout.setContentsMargins(11, 11, 11, 11)
        self.newFindingsLabel = QLabel(self.findingsTab)
        self.newFindingsLabel.setObjectName(u"newFindingsLabel")
        self.newFindingsLabel.setText(u"")

        self.findingsLayout.addWidget(self.newFindingsLabel)

        self.newFindingsList = QListWidget(self.findingsTab)
        self.newFindingsList.setObjectName(u"newFindingsList")
        self.newFindingsList.setWordWrap(True)
        self.newFindingsList.setAlternatingRowColors(True)

        self.findingsLayout.addWidget(self.newFindingsList)

        self.resolvedFindingsLabel = QLabel(self.findingsTab)
        self.resolvedFindingsLabel.setObjectName(u"resolvedFindingsLabel")
        self.resolvedFindingsLabel.setText(u"")

        self.findingsLayout.addWidget(self.resolvedFindingsLabel)

        self.resolvedFindingsList = QListWidget(self.findingsTab)
        self.resolvedFindingsList.setObjectName(u"resolvedFindingsList")
        self.resolvedFindingsList.setWordWrap(True)
        self.resolvedFindingsList.setAlternatingRowColors(True)

        self.findingsLayout.addWidget(self.resolvedFindingsList)

        self.tabs.addTab(self.findingsTab, "")
        self.tabs.setTabText(self.tabs.indexOf(self.findingsTab), u"Constat\u0103ri")

        self.mainLayout.addWidget(self.tabs)

        self.noteLabel = QLabel(FormsPreviewDialog)
        self.noteLabel.setObjectName(u"noteLabel")
        self.noteLabel.setWordWrap(True)
        self.noteLabel.setStyleSheet(u"color: #555;")

        self.mainLayout.addWidget(self.noteLabel)

        self.buttonBox = QDialogButtonBox(FormsPreviewDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel)

        self.mainLayout.addWidget(self.buttonBox)


        self.retranslateUi(FormsPreviewDialog)

        QMetaObject.connectSlotsByName(FormsPreviewDialog)
    # setupUi

    def retranslateUi(self, FormsPreviewDialog: QDialog) -> None:
        FormsPreviewDialog.setWindowTitle(QCoreApplication.translate("FormsPreviewDialog", u"Importul formularelor completate", None))
        self.showAllCheck.setText(QCoreApplication.translate("FormsPreviewDialog", u"Arat\u0103 \u0219i r\u00e2ndurile care nu se &schimb\u0103 (neschimbate, p\u0103strate din aplica\u021bie)", None))
        self.acceptAllButton.setText(QCoreApplication.translate("FormsPreviewDialog", u"Preia din formular &toate conflictele", None))
        self.noteLabel.setText(QCoreApplication.translate("FormsPreviewDialog", u"\u201eAplic\u0103\u201d scrie totul \u00eentr-un singur pas, care se poate anula cu Ctrl+Z; formularele aplicate sunt marcate \u201eImportat\u201d.", None))
    # retranslateUi

