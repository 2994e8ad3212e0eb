"""Generated from ``ui/override_dialog.ui`` by ``tools/compile_ui.py`` (pyside6-uic): do not edit, edit the .ui file."""

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QLabel, QLineEdit, QPlainTextEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_OverrideDialog:
    def setupUi(self, OverrideDialog: QDialog) -> None:
        if not OverrideDialog.objectName():
            OverrideDialog.setObjectName(u"OverrideDialog")
        OverrideDialog.resize(560, 460)
        self.mainLayout = QVBoxLayout(OverrideDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.whereLabel = QLabel(OverrideDialog)
        self.whereLabel.setObjectName(u"whereLabel")
        self.whereLabel.setText(u"Ac\u021biunea \u00b7 Indicator")
        self.whereLabel.setWordWrap(True)
        self.whereLabel.setTextFormat(Qt.TextFormat.RichText)

        self.mainLayout.addWidget(self.whereLabel)

        self.computedLabel = QLabel(OverrideDialog)
        self.computedLabel.setObjectName(u"computedLabel")
        self.computedLabel.setText(u"Calculat:")
        self.computedLabel.setWordWrap(True)
        self.computedLabel.setTextFormat(Qt.TextFormat.RichText)
        self.computedLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.computedLabel)

        self.totalLabel = QLabel(OverrideDialog)
        self.totalLabel.setObjectName(u"totalLabel")

        self.mainLayout.addWidget(self.totalLabel)

        self.totalEdit = QPlainTextEdit(OverrideDialog)
        self.totalEdit.setObjectName(u"totalEdit")
        self.totalEdit.setTabChangesFocus(True)
        self.totalEdit.setMaximumSize(QSize(16777215, 90))

        self.mainLayout.addWidget(self.totalEdit)

        self.reasonLabel = QLabel(OverrideDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.mainLayout.addWidget(self.reasonLabel)

        self.reasonEdit = QPlainTextEdit(OverrideDialog)
        self.reasonEdit.setObjectName(u"reasonEdit")
        self.reasonEdit.setTabChangesFocus(True)

        self.mainLayout.addWidget(self.reasonEdit)

        self.authorLayout = QFormLayout()
        self.authorLayout.setObjectName(u"authorLayout")
        self.authorLabel = QLabel(OverrideDialog)
        self.authorLabel.setObjectName(u"authorLabel")

        self.authorLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.authorLabel)

        self.authorEdit = QLineEdit(OverrideDialog)
        self.authorEdit.setObjectName(u"authorEdit")

        self.authorLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.authorEdit)


        self.mainLayout.addLayout(self.authorLayout)

        self.errorLabel = QLabel(OverrideDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #b00020;")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setText(u"")

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(OverrideDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.totalLabel.setBuddy(self.totalEdit)
        self.reasonLabel.setBuddy(self.reasonEdit)
        self.authorLabel.setBuddy(self.authorEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(OverrideDialog)

        QMetaObject.connectSlotsByName(OverrideDialog)
    # setupUi

    def retranslateUi(self, OverrideDialog: QDialog) -> None:
        OverrideDialog.setWindowTitle(QCoreApplication.translate("OverrideDialog", u"Totalul introdus manual", None))
        self.totalLabel.setText(QCoreApplication.translate("OverrideDialog", u"&Totalul care se tip\u0103re\u0219te \u00een raport:", None))
        self.reasonLabel.setText(QCoreApplication.translate("OverrideDialog", u"&Motivul (obligatoriu; apare la verific\u0103ri):", None))
        self.reasonEdit.setPlaceholderText(QCoreApplication.translate("OverrideDialog", u"De exemplu: acelea\u0219i persoane au fost raportate de dou\u0103 subdiviziuni.", None))
        self.authorLabel.setText(QCoreApplication.translate("OverrideDialog", u"Introdus &de:", None))
    # retranslateUi

