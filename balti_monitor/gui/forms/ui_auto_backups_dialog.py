"""Generated from ``ui/auto_backups_dialog.ui`` by ``tools/compile_ui.py`` (pyside6-uic): do not edit, edit the .ui file."""

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
    QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel,
    QPushButton, QSizePolicy, QSpacerItem, QSpinBox,
    QTableView, QVBoxLayout, QWidget)

class Ui_AutoBackupsDialog:
    def setupUi(self, AutoBackupsDialog: QDialog) -> None:
        if not AutoBackupsDialog.objectName():
            AutoBackupsDialog.setObjectName(u"AutoBackupsDialog")
        AutoBackupsDialog.resize(760, 500)
        self.mainLayout = QVBoxLayout(AutoBackupsDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(AutoBackupsDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setText(u"")
        self.introLabel.setWordWrap(True)
        self.introLabel.setTextFormat(Qt.TextFormat.RichText)

        self.mainLayout.addWidget(self.introLabel)

        self.table = QTableView(AutoBackupsDialog)
        self.table.setObjectName(u"table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)

        self.mainLayout.addWidget(self.table)

        self.keepLayout = QHBoxLayout()
        self.keepLayout.setObjectName(u"keepLayout")
        self.keepLabel = QLabel(AutoBackupsDialog)
        self.keepLabel.setObjectName(u"keepLabel")

        self.keepLayout.addWidget(self.keepLabel)

        self.keepSpin = QSpinBox(AutoBackupsDialog)
        self.keepSpin.setObjectName(u"keepSpin")
        self.keepSpin.setMinimum(1)
        self.keepSpin.setMaximum(1000)
        self.keepSpin.setValue(20)

        self.keepLayout.addWidget(self.keepSpin)

        self.keepSuffixLabel = QLabel(AutoBackupsDialog)
        self.keepSuffixLabel.setObjectName(u"keepSuffixLabel")
        self.keepSuffixLabel.setWordWrap(True)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.keepSuffixLabel.sizePolicy().hasHeightForWidth())
        self.keepSuffixLabel.setSizePolicy(sizePolicy)

        self.keepLayout.addWidget(self.keepSuffixLabel)


        self.mainLayout.addLayout(self.keepLayout)

        self.errorLabel = QLabel(AutoBackupsDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #b00020;")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setText(u"")

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonsLayout = QHBoxLayout()
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.restoreButton = QPushButton(AutoBackupsDialog)
        self.restoreButton.setObjectName(u"restoreButton")

        self.buttonsLayout.addWidget(self.restoreButton)

        self.openFolderButton = QPushButton(AutoBackupsDialog)
        self.openFolderButton.setObjectName(u"openFolderButton")

        self.buttonsLayout.addWidget(self.openFolderButton)

        self.buttonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonsLayout.addItem(self.buttonsSpacer)

        self.buttonBox = QDialogButtonBox(AutoBackupsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.buttonsLayout.addWidget(self.buttonBox)


        self.mainLayout.addLayout(self.buttonsLayout)

#if QT_CONFIG(shortcut)
        self.keepLabel.setBuddy(self.keepSpin)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(AutoBackupsDialog)

        QMetaObject.connectSlotsByName(AutoBackupsDialog)
    # setupUi

    def retranslateUi(self, AutoBackupsDialog: QDialog) -> None:
        AutoBackupsDialog.setWindowTitle(QCoreApplication.translate("AutoBackupsDialog", u"Copii automate", None))
        self.keepLabel.setText(QCoreApplication.translate("AutoBackupsDialog", u"Se &p\u0103streaz\u0103 ultimele", None))
        self.keepSuffixLabel.setText(QCoreApplication.translate("AutoBackupsDialog", u"copii ale fiec\u0103rui fi\u0219ier de date (cele mai vechi se \u0219terg la urm\u0103toarea copie automat\u0103).", None))
        self.restoreButton.setText(QCoreApplication.translate("AutoBackupsDialog", u"&Restaureaz\u0103 copia selectat\u0103\u2026", None))
        self.openFolderButton.setText(QCoreApplication.translate("AutoBackupsDialog", u"Deschide d&osarul", None))
    # retranslateUi

