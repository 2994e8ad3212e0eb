"""Generated from ``ui/forms_out_dialog.ui`` by ``tools/compile_ui.py`` (pyside6-uic): do not edit, edit the .ui file."""

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QDateEdit,
    QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QPushButton, QRadioButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_FormsOutDialog:
    def setupUi(self, FormsOutDialog: QDialog) -> None:
        if not FormsOutDialog.objectName():
            FormsOutDialog.setObjectName(u"FormsOutDialog")
        FormsOutDialog.resize(1100, 560)
        self.mainLayout = QVBoxLayout(FormsOutDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.titleLabel = QLabel(FormsOutDialog)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setText(u"")
        self.titleLabel.setWordWrap(True)
        self.titleLabel.setTextFormat(Qt.TextFormat.RichText)

        self.mainLayout.addWidget(self.titleLabel)

        self.columnsLayout = QHBoxLayout()
        self.columnsLayout.setObjectName(u"columnsLayout")
        self.optionsLayout = QVBoxLayout()
        self.optionsLayout.setObjectName(u"optionsLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.folderLabel = QLabel(FormsOutDialog)
        self.folderLabel.setObjectName(u"folderLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.folderLabel)

        self.folderLayout = QHBoxLayout()
        self.folderLayout.setObjectName(u"folderLayout")
        self.folderEdit = QLineEdit(FormsOutDialog)
        self.folderEdit.setObjectName(u"folderEdit")

        self.folderLayout.addWidget(self.folderEdit)

        self.browseButton = QPushButton(FormsOutDialog)
        self.browseButton.setObjectName(u"browseButton")

        self.folderLayout.addWidget(self.browseButton)


        self.formLayout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.folderLayout)

        self.deadlineLabel = QLabel(FormsOutDialog)
        self.deadlineLabel.setObjectName(u"deadlineLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.deadlineLabel)

        self.deadlineEdit = QDateEdit(FormsOutDialog)
        self.deadlineEdit.setObjectName(u"deadlineEdit")
        self.deadlineEdit.setCalendarPopup(True)
        self.deadlineEdit.setDisplayFormat(u"dd.MM.yyyy")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.deadlineEdit.sizePolicy().hasHeightForWidth())
        self.deadlineEdit.setSizePolicy(sizePolicy)
        self.deadlineEdit.setMinimumSize(QSize(130, 0))

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.deadlineEdit)

        self.contactLabel = QLabel(FormsOutDialog)
        self.contactLabel.setObjectName(u"contactLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.contactLabel)

        self.contactEdit = QLineEdit(FormsOutDialog)
        self.contactEdit.setObjectName(u"contactEdit")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.contactEdit)


        self.optionsLayout.addLayout(self.formLayout)

        self.contentGroup = QGroupBox(FormsOutDialog)
        self.contentGroup.setObjectName(u"contentGroup")
        self.contentLayout = QVBoxLayout(self.contentGroup)
        self.contentLayout.setObjectName(u"contentLayout")
        self.assignedRadio = QRadioButton(self.contentGroup)
        self.assignedRadio.setObjectName(u"assignedRadio")
        self.assignedRadio.setChecked(True)

        self.contentLayout.addWidget(self.assignedRadio)

        self.allRadio = QRadioButton(self.contentGroup)
        self.allRadio.setObjectName(u"allRadio")

        self.contentLayout.addWidget(self.allRadio)

        self.prefillCheck = QCheckBox(self.contentGroup)
        self.prefillCheck.setObjectName(u"prefillCheck")
        self.prefillCheck.setChecked(True)

        self.contentLayout.addWidget(self.prefillCheck)

        self.previousCheck = QCheckBox(self.contentGroup)
        self.previousCheck.setObjectName(u"previousCheck")

        self.contentLayout.addWidget(self.previousCheck)


        self.optionsLayout.addWidget(self.contentGroup)

        self.hintLabel = QLabel(FormsOutDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)
        self.hintLabel.setStyleSheet(u"color: #555;")

        self.optionsLayout.addWidget(self.hintLabel)

        self.optionsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.optionsLayout.addItem(self.optionsSpacer)


        self.columnsLayout.addLayout(self.optionsLayout)

        self.subdivisionsGroup = QGroupBox(FormsOutDialog)
        self.subdivisionsGroup.setObjectName(u"subdivisionsGroup")
        self.subdivisionsLayout = QVBoxLayout(self.subdivisionsGroup)
        self.subdivisionsLayout.setObjectName(u"subdivisionsLayout")
        self.subdivisionList = QListWidget(self.subdivisionsGroup)
        self.subdivisionList.setObjectName(u"subdivisionList")
        self.subdivisionList.setAlternatingRowColors(True)
        self.subdivisionList.setWordWrap(True)
        self.subdivisionList.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.subdivisionsLayout.addWidget(self.subdivisionList)

        self.selectLayout = QHBoxLayout()
        self.selectLayout.setObjectName(u"selectLayout")
        self.allButton = QPushButton(self.subdivisionsGroup)
        self.allButton.setObjectName(u"allButton")

        self.selectLayout.addWidget(self.allButton)

        self.noneButton = QPushButton(self.subdivisionsGroup)
        self.noneButton.setObjectName(u"noneButton")

        self.selectLayout.addWidget(self.noneButton)

        self.countLabel = QLabel(self.subdivisionsGroup)
        self.countLabel.setObjectName(u"countLabel")
        self.countLabel.setText(u"")

        self.selectLayout.addWidget(self.countLabel)

        self.selectSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.selectLayout.addItem(self.selectSpacer)


        self.subdivisionsLayout.addLayout(self.selectLayout)


        self.columnsLayout.addWidget(self.subdivisionsGroup)

        self.columnsLayout.setStretch(0, 5)
        self.columnsLayout.setStretch(1, 6)

        self.mainLayout.addLayout(self.columnsLayout)

        self.errorLabel = QLabel(FormsOutDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #b00020;")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setText(u"")

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(FormsOutDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.folderLabel.setBuddy(self.folderEdit)
        self.deadlineLabel.setBuddy(self.deadlineEdit)
        self.contactLabel.setBuddy(self.contactEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(FormsOutDialog)

        QMetaObject.connectSlotsByName(FormsOutDialog)
    # setupUi

    def retranslateUi(self, FormsOutDialog: QDialog) -> None:
        FormsOutDialog.setWindowTitle(QCoreApplication.translate("FormsOutDialog", u"Generarea formularelor de retur", None))
        self.folderLabel.setText(QCoreApplication.translate("FormsOutDialog", u"&Dosarul:", None))
        self.browseButton.setText(QCoreApplication.translate("FormsOutDialog", u"A&lege\u2026", None))
        self.deadlineLabel.setText(QCoreApplication.translate("FormsOutDialog", u"&Termenul de returnare:", None))
        self.contactLabel.setText(QCoreApplication.translate("FormsOutDialog", u"Persoana de &contact:", None))
        self.contactEdit.setPlaceholderText(QCoreApplication.translate("FormsOutDialog", u"op\u021bional, apare pe copert\u0103: nume, telefon, e-mail", None))
        self.contentGroup.setTitle(QCoreApplication.translate("FormsOutDialog", u"Ce cuprinde formularul", None))
        self.assignedRadio.setText(QCoreApplication.translate("FormsOutDialog", u"Doar indicatorii &atribui\u021bi subdiviziunii", None))
        self.allRadio.setText(QCoreApplication.translate("FormsOutDialog", u"To\u021bi &indicatorii ac\u021biunilor de care r\u0103spunde subdiviziunea", None))
        self.prefillCheck.setText(QCoreApplication.translate("FormsOutDialog", u"&Precompleteaz\u0103 valorile deja introduse (subdiviziunea le poate corecta)", None))
        self.previousCheck.setText(QCoreApplication.translate("FormsOutDialog", u"Arat\u0103 valorile &semestrului precedent, doar pentru informare", None))
        self.hintLabel.setText(QCoreApplication.translate("FormsOutDialog", u"Se scrie c\u00e2te un registru Excel pentru fiecare subdiviziune (Retur_COD_perioada.xlsx). Subdiviziunile \u00eel completeaz\u0103 \u0219i \u00eel trimit \u00eenapoi; \u00eel importa\u021bi cu Formulare \u2192 Import\u0103 formulare completate.", None))
        self.subdivisionsGroup.setTitle(QCoreApplication.translate("FormsOutDialog", u"Subdiviziunile", None))
        self.allButton.setText(QCoreApplication.translate("FormsOutDialog", u"T&oate", None))
        self.noneButton.setText(QCoreApplication.translate("FormsOutDialog", u"&Niciuna", None))
    # retranslateUi

