"""Generated from ``ui/responsibility_dialog.ui`` by ``tools/compile_ui.py`` (pyside6-uic): do not edit, edit the .ui file."""

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QComboBox,
    QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView,
    QLabel, QPushButton, QSizePolicy, QSpacerItem,
    QTableView, QVBoxLayout, QWidget)

class Ui_ResponsibilityDialog:
    def setupUi(self, ResponsibilityDialog: QDialog) -> None:
        if not ResponsibilityDialog.objectName():
            ResponsibilityDialog.setObjectName(u"ResponsibilityDialog")
        ResponsibilityDialog.resize(860, 560)
        self.mainLayout = QVBoxLayout(ResponsibilityDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.actionLabel = QLabel(ResponsibilityDialog)
        self.actionLabel.setObjectName(u"actionLabel")
        self.actionLabel.setText(u"Ac\u021biunea")
        self.actionLabel.setWordWrap(True)
        self.actionLabel.setTextFormat(Qt.TextFormat.RichText)

        self.mainLayout.addWidget(self.actionLabel)

        self.noteLabel = QLabel(ResponsibilityDialog)
        self.noteLabel.setObjectName(u"noteLabel")
        self.noteLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.noteLabel)

        self.table = QTableView(ResponsibilityDialog)
        self.table.setObjectName(u"table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)

        self.mainLayout.addWidget(self.table)

        self.buttonsLayout = QHBoxLayout()
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.addCombo = QComboBox(ResponsibilityDialog)
        self.addCombo.setObjectName(u"addCombo")
        self.addCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.buttonsLayout.addWidget(self.addCombo)

        self.addButton = QPushButton(ResponsibilityDialog)
        self.addButton.setObjectName(u"addButton")

        self.buttonsLayout.addWidget(self.addButton)

        self.spacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonsLayout.addItem(self.spacer)

        self.upButton = QPushButton(ResponsibilityDialog)
        self.upButton.setObjectName(u"upButton")

        self.buttonsLayout.addWidget(self.upButton)

        self.downButton = QPushButton(ResponsibilityDialog)
        self.downButton.setObjectName(u"downButton")

        self.buttonsLayout.addWidget(self.downButton)

        self.removeButton = QPushButton(ResponsibilityDialog)
        self.removeButton.setObjectName(u"removeButton")

        self.buttonsLayout.addWidget(self.removeButton)


        self.mainLayout.addLayout(self.buttonsLayout)

        self.errorLabel = QLabel(ResponsibilityDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #b00020;")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setText(u"")

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(ResponsibilityDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)


        self.retranslateUi(ResponsibilityDialog)

        QMetaObject.connectSlotsByName(ResponsibilityDialog)
    # setupUi

    def retranslateUi(self, ResponsibilityDialog: QDialog) -> None:
        ResponsibilityDialog.setWindowTitle(QCoreApplication.translate("ResponsibilityDialog", u"Subdiviziunile responsabile de ac\u021biune", None))
        self.noteLabel.setText(QCoreApplication.translate("ResponsibilityDialog", u"Bifa\u021bi indicatorii la care r\u0103spunde fiecare subdiviziune. O subdiviziune a realizat \u201eto\u021bi indicatorii\u201d c\u00e2nd a raportat to\u021bi indicatorii bifa\u021bi. Eliminarea unei subdiviziuni nu \u0219terge informa\u021biile pe care le-a prezentat deja.", None))
        self.addButton.setText(QCoreApplication.translate("ResponsibilityDialog", u"&Adaug\u0103", None))
        self.upButton.setText(QCoreApplication.translate("ResponsibilityDialog", u"Mai &sus", None))
        self.downButton.setText(QCoreApplication.translate("ResponsibilityDialog", u"Mai j&os", None))
        self.removeButton.setText(QCoreApplication.translate("ResponsibilityDialog", u"&Elimin\u0103", None))
    # retranslateUi

