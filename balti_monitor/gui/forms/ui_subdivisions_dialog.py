"""Generated from ``ui/subdivisions_dialog.ui`` by ``tools/compile_ui.py`` (pyside6-uic): do not edit, edit the .ui file."""

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QDialog,
    QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QListView, QPlainTextEdit, QPushButton,
    QSizePolicy, QSpacerItem, QSplitter, QVBoxLayout,
    QWidget)

class Ui_SubdivisionsDialog:
    def setupUi(self, SubdivisionsDialog: QDialog) -> None:
        if not SubdivisionsDialog.objectName():
            SubdivisionsDialog.setObjectName(u"SubdivisionsDialog")
        SubdivisionsDialog.resize(1000, 580)
        self.mainLayout = QVBoxLayout(SubdivisionsDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.splitter = QSplitter(SubdivisionsDialog)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.listPane = QWidget(self.splitter)
        self.listPane.setObjectName(u"listPane")
        self.listLayout = QVBoxLayout(self.listPane)
        self.listLayout.setObjectName(u"listLayout")
        self.listLayout.setContentsMargins(0, 0, 0, 0)
        self.list = QListView(self.listPane)
        self.list.setObjectName(u"list")
        self.list.setAlternatingRowColors(True)

        self.listLayout.addWidget(self.list)

        self.newButton = QPushButton(self.listPane)
        self.newButton.setObjectName(u"newButton")

        self.listLayout.addWidget(self.newButton)

        self.splitter.addWidget(self.listPane)
        self.formPane = QWidget(self.splitter)
        self.formPane.setObjectName(u"formPane")
        self.formPaneLayout = QVBoxLayout(self.formPane)
        self.formPaneLayout.setObjectName(u"formPaneLayout")
        self.formPaneLayout.setContentsMargins(0, 0, 0, 0)
        self.formTitle = QLabel(self.formPane)
        self.formTitle.setObjectName(u"formTitle")
        self.formTitle.setText(u"")
        self.formTitle.setTextFormat(Qt.TextFormat.RichText)

        self.formPaneLayout.addWidget(self.formTitle)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.nameLabel = QLabel(self.formPane)
        self.nameLabel.setObjectName(u"nameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(self.formPane)
        self.nameEdit.setObjectName(u"nameEdit")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.codeLabel = QLabel(self.formPane)
        self.codeLabel.setObjectName(u"codeLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.codeLabel)

        self.codeEdit = QLineEdit(self.formPane)
        self.codeEdit.setObjectName(u"codeEdit")
        self.codeEdit.setMaximumSize(QSize(160, 16777215))

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.codeEdit)

        self.aliasesLabel = QLabel(self.formPane)
        self.aliasesLabel.setObjectName(u"aliasesLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.aliasesLabel)

        self.aliasesEdit = QPlainTextEdit(self.formPane)
        self.aliasesEdit.setObjectName(u"aliasesEdit")
        self.aliasesEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.aliasesEdit)

        self.activeCheck = QCheckBox(self.formPane)
        self.activeCheck.setObjectName(u"activeCheck")
        self.activeCheck.setChecked(True)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.activeCheck)


        self.formPaneLayout.addLayout(self.formLayout)

        self.usageLabel = QLabel(self.formPane)
        self.usageLabel.setObjectName(u"usageLabel")
        self.usageLabel.setText(u"")
        self.usageLabel.setWordWrap(True)
        self.usageLabel.setStyleSheet(u"color: #555;")

        self.formPaneLayout.addWidget(self.usageLabel)

        self.errorLabel = QLabel(self.formPane)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #b00020;")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setText(u"")

        self.formPaneLayout.addWidget(self.errorLabel)

        self.saveLayout = QHBoxLayout()
        self.saveLayout.setObjectName(u"saveLayout")
        self.saveSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.saveLayout.addItem(self.saveSpacer)

        self.saveButton = QPushButton(self.formPane)
        self.saveButton.setObjectName(u"saveButton")

        self.saveLayout.addWidget(self.saveButton)


        self.formPaneLayout.addLayout(self.saveLayout)

        self.splitter.addWidget(self.formPane)

        self.mainLayout.addWidget(self.splitter)

        self.buttonBox = QDialogButtonBox(SubdivisionsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.codeLabel.setBuddy(self.codeEdit)
        self.aliasesLabel.setBuddy(self.aliasesEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SubdivisionsDialog)

        QMetaObject.connectSlotsByName(SubdivisionsDialog)
    # setupUi

    def retranslateUi(self, SubdivisionsDialog: QDialog) -> None:
        SubdivisionsDialog.setWindowTitle(QCoreApplication.translate("SubdivisionsDialog", u"Subdiviziunile prim\u0103riei", None))
        self.newButton.setText(QCoreApplication.translate("SubdivisionsDialog", u"Subdiviziune &nou\u0103", None))
        self.nameLabel.setText(QCoreApplication.translate("SubdivisionsDialog", u"&Denumirea:", None))
        self.codeLabel.setText(QCoreApplication.translate("SubdivisionsDialog", u"A&brevierea:", None))
        self.aliasesLabel.setText(QCoreApplication.translate("SubdivisionsDialog", u"Alte denu&miri\n"
"(c\u00e2te una pe r\u00e2nd):", None))
        self.aliasesEdit.setPlaceholderText(QCoreApplication.translate("SubdivisionsDialog", u"Cum apare numele \u00een informa\u021biile primite, de ex. \u201eDirec\u021biei resurse umane\u201d", None))
        self.activeCheck.setText(QCoreApplication.translate("SubdivisionsDialog", u"Subdiviziune &activ\u0103", None))
        self.saveButton.setText(QCoreApplication.translate("SubdivisionsDialog", u"&Salveaz\u0103 subdiviziunea", None))
    # retranslateUi

