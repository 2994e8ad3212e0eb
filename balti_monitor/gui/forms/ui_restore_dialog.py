"""Generated from ``ui/restore_dialog.ui`` by ``tools/compile_ui.py`` (pyside6-uic): do not edit, edit the .ui file."""

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
    QDialogButtonBox, QHeaderView, QLabel, QSizePolicy,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_RestoreDialog:
    def setupUi(self, RestoreDialog: QDialog) -> None:
        if not RestoreDialog.objectName():
            RestoreDialog.setObjectName(u"RestoreDialog")
        RestoreDialog.resize(780, 470)
        self.mainLayout = QVBoxLayout(RestoreDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(RestoreDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setText(u"")
        self.introLabel.setWordWrap(True)
        self.introLabel.setTextFormat(Qt.TextFormat.RichText)
        self.introLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.introLabel)

        self.comparisonTable = QTableWidget(RestoreDialog)
        self.comparisonTable.setObjectName(u"comparisonTable")
        self.comparisonTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.comparisonTable.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.comparisonTable.setAlternatingRowColors(True)
        self.comparisonTable.setWordWrap(True)

        self.mainLayout.addWidget(self.comparisonTable)

        self.warningsLabel = QLabel(RestoreDialog)
        self.warningsLabel.setObjectName(u"warningsLabel")
        self.warningsLabel.setText(u"")
        self.warningsLabel.setWordWrap(True)
        self.warningsLabel.setTextFormat(Qt.TextFormat.RichText)
        self.warningsLabel.setStyleSheet(u"color: #8a1c00;")

        self.mainLayout.addWidget(self.warningsLabel)

        self.safetyLabel = QLabel(RestoreDialog)
        self.safetyLabel.setObjectName(u"safetyLabel")
        self.safetyLabel.setWordWrap(True)
        self.safetyLabel.setStyleSheet(u"color: #555;")

        self.mainLayout.addWidget(self.safetyLabel)

        self.buttonBox = QDialogButtonBox(RestoreDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel)

        self.mainLayout.addWidget(self.buttonBox)


        self.retranslateUi(RestoreDialog)

        QMetaObject.connectSlotsByName(RestoreDialog)
    # setupUi

    def retranslateUi(self, RestoreDialog: QDialog) -> None:
        RestoreDialog.setWindowTitle(QCoreApplication.translate("RestoreDialog", u"Restaurare din copie", None))
        self.safetyLabel.setText(QCoreApplication.translate("RestoreDialog", u"Copia automat\u0103 a datelor de acum se g\u0103se\u0219te apoi \u00een Fi\u0219ier \u2192 Copii automate. Restaurarea nu se anuleaz\u0103 cu Ctrl+Z.", None))
    # retranslateUi

