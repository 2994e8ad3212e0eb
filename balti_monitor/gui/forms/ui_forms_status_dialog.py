"""Generated from ``ui/forms_status_dialog.ui`` by ``tools/compile_ui.py`` (pyside6-uic): do not edit, edit the .ui file."""

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
    QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel,
    QPushButton, QSizePolicy, QSpacerItem, QTableView,
    QVBoxLayout, QWidget)

class Ui_FormsStatusDialog:
    def setupUi(self, FormsStatusDialog: QDialog) -> None:
        if not FormsStatusDialog.objectName():
            FormsStatusDialog.setObjectName(u"FormsStatusDialog")
        FormsStatusDialog.resize(1080, 620)
        self.mainLayout = QVBoxLayout(FormsStatusDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.summaryLabel = QLabel(FormsStatusDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setText(u"")
        self.summaryLabel.setWordWrap(True)
        self.summaryLabel.setTextFormat(Qt.TextFormat.RichText)

        self.mainLayout.addWidget(self.summaryLabel)

        self.table = QTableView(FormsStatusDialog)
        self.table.setObjectName(u"table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)

        self.mainLayout.addWidget(self.table)

        self.hintLabel = QLabel(FormsStatusDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)
        self.hintLabel.setStyleSheet(u"color: #555;")

        self.mainLayout.addWidget(self.hintLabel)

        self.buttonsLayout = QHBoxLayout()
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.sentButton = QPushButton(FormsStatusDialog)
        self.sentButton.setObjectName(u"sentButton")

        self.buttonsLayout.addWidget(self.sentButton)

        self.receivedButton = QPushButton(FormsStatusDialog)
        self.receivedButton.setObjectName(u"receivedButton")

        self.buttonsLayout.addWidget(self.receivedButton)

        self.correctionButton = QPushButton(FormsStatusDialog)
        self.correctionButton.setObjectName(u"correctionButton")

        self.buttonsLayout.addWidget(self.correctionButton)

        self.buttonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonsLayout.addItem(self.buttonsSpacer)

        self.buttonBox = QDialogButtonBox(FormsStatusDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.buttonsLayout.addWidget(self.buttonBox)


        self.mainLayout.addLayout(self.buttonsLayout)


        self.retranslateUi(FormsStatusDialog)

        QMetaObject.connectSlotsByName(FormsStatusDialog)
    # setupUi

    def retranslateUi(self, FormsStatusDialog: QDialog) -> None:
        FormsStatusDialog.setWindowTitle(QCoreApplication.translate("FormsStatusDialog", u"Starea formularelor de retur", None))
        self.hintLabel.setText(QCoreApplication.translate("FormsStatusDialog", u"Selecta\u021bi una sau mai multe subdiviziuni \u0219i marca\u021bi ce s-a \u00eent\u00e2mplat cu formularul lor. \u201eGenerat\u201d \u0219i \u201eImportat\u201d se marcheaz\u0103 singure; o marcare gre\u0219it\u0103 se anuleaz\u0103 cu Ctrl+Z.", None))
        self.sentButton.setText(QCoreApplication.translate("FormsStatusDialog", u"Marcheaz\u0103 &trimis", None))
        self.receivedButton.setText(QCoreApplication.translate("FormsStatusDialog", u"Marcheaz\u0103 &primit", None))
        self.correctionButton.setText(QCoreApplication.translate("FormsStatusDialog", u"Marcheaz\u0103 &de corectat", None))
    # retranslateUi

