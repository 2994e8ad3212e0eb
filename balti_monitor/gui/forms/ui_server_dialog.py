"""Generated from ``ui/server_dialog.ui`` by ``tools/compile_ui.py`` (pyside6-uic): do not edit, edit the .ui file."""

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QSpinBox, QVBoxLayout, QWidget)

class Ui_ServerDialog:
    def setupUi(self, ServerDialog: QDialog) -> None:
        if not ServerDialog.objectName():
            ServerDialog.setObjectName(u"ServerDialog")
        ServerDialog.resize(520, 360)
        self.mainLayout = QVBoxLayout(ServerDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(ServerDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.recentLabel = QLabel(ServerDialog)
        self.recentLabel.setObjectName(u"recentLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.recentLabel)

        self.recentCombo = QComboBox(ServerDialog)
        self.recentCombo.setObjectName(u"recentCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.recentCombo)

        self.hostLabel = QLabel(ServerDialog)
        self.hostLabel.setObjectName(u"hostLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.hostLabel)

        self.hostEdit = QLineEdit(ServerDialog)
        self.hostEdit.setObjectName(u"hostEdit")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.hostEdit)

        self.portLabel = QLabel(ServerDialog)
        self.portLabel.setObjectName(u"portLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.portLabel)

        self.portSpin = QSpinBox(ServerDialog)
        self.portSpin.setObjectName(u"portSpin")
        self.portSpin.setMinimum(1)
        self.portSpin.setMaximum(65535)
        self.portSpin.setValue(5432)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.portSpin)

        self.databaseLabel = QLabel(ServerDialog)
        self.databaseLabel.setObjectName(u"databaseLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.databaseLabel)

        self.databaseEdit = QLineEdit(ServerDialog)
        self.databaseEdit.setObjectName(u"databaseEdit")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.databaseEdit)

        self.userLabel = QLabel(ServerDialog)
        self.userLabel.setObjectName(u"userLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.userLabel)

        self.userEdit = QLineEdit(ServerDialog)
        self.userEdit.setObjectName(u"userEdit")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.userEdit)

        self.serviceLabel = QLabel(ServerDialog)
        self.serviceLabel.setObjectName(u"serviceLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.serviceLabel)

        self.serviceEdit = QLineEdit(ServerDialog)
        self.serviceEdit.setObjectName(u"serviceEdit")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.serviceEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(ServerDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #b00020;")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setText(u"")

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(ServerDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.recentLabel.setBuddy(self.recentCombo)
        self.hostLabel.setBuddy(self.hostEdit)
        self.portLabel.setBuddy(self.portSpin)
        self.databaseLabel.setBuddy(self.databaseEdit)
        self.userLabel.setBuddy(self.userEdit)
        self.serviceLabel.setBuddy(self.serviceEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ServerDialog)

        QMetaObject.connectSlotsByName(ServerDialog)
    # setupUi

    def retranslateUi(self, ServerDialog: QDialog) -> None:
        ServerDialog.setWindowTitle(QCoreApplication.translate("ServerDialog", u"Conectare la server", None))
        self.introLabel.setText(QCoreApplication.translate("ServerDialog", u"Baza de date comun\u0103 a prim\u0103riei, pe un server PostgreSQL. Parola nu se scrie aici: dac\u0103 serverul o cere \u0219i nu se afl\u0103 \u00een fi\u0219ierul de parole al PostgreSQL (.pgpass), programul o cere la conectare \u0219i nu o p\u0103streaz\u0103.", None))
        self.recentLabel.setText(QCoreApplication.translate("ServerDialog", u"Conect\u0103ri &recente:", None))
        self.hostLabel.setText(QCoreApplication.translate("ServerDialog", u"&Server:", None))
        self.hostEdit.setPlaceholderText(QCoreApplication.translate("ServerDialog", u"de exemplu server-primarie sau 192.168.1.10", None))
        self.portLabel.setText(QCoreApplication.translate("ServerDialog", u"&Port:", None))
        self.databaseLabel.setText(QCoreApplication.translate("ServerDialog", u"&Baza de date:", None))
        self.userLabel.setText(QCoreApplication.translate("ServerDialog", u"&Utilizator:", None))
        self.serviceLabel.setText(QCoreApplication.translate("ServerDialog", u"Ser&viciu (op\u021bional):", None))
        self.serviceEdit.setPlaceholderText(QCoreApplication.translate("ServerDialog", u"un nume din pg_service.conf, \u00een locul c\u00e2mpurilor de mai sus", None))
    # retranslateUi

